using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Hosting;

namespace OpenOrders.Api.Invoicing;

/// <summary>Runs the due-order pass periodically.</summary>
public sealed class InvoicingWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<WorkerOptions> options,
    ILogger<InvoicingWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.InvoicingInterval <= TimeSpan.Zero) return; // turned off: invoicing is driven from outside
        // One-shot delays rather than a PeriodicTimer: a clock moved far ahead fires this once, not once per interval.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var moved = await scope.ServiceProvider.GetRequiredService<Invoices>()
                    .MoveDueOrdersAsync(stoppingToken);
                if (moved > 0) log.LogInformation("Moved {Count} accepted orders on to invoicing.", moved);
            }
            catch (Exception e) when (e is DbUpdateConcurrencyException || !stoppingToken.IsCancellationRequested)
            {
                // Another instance moved some of them first, or the database hiccupped:
                // the next pass sees what is left.
                log.LogWarning(e, "Invoicing pass failed; the next one retries.");
            }
            await Task.Delay(options.Value.InvoicingInterval, time, stoppingToken);
        }
    }
}
