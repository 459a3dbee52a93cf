using Microsoft.Extensions.Options;
using OpenOrders.Api.Work;

namespace OpenOrders.Api.Invoicing;

/// <summary>
/// Moves accepted orders on to invoicing when they fall due, 500 at a time, every
/// <see cref="WorkerOptions.InvoicingInterval"/> (zero turns it off: invoicing is then driven from outside).
/// Another instance moving some of them first is harmless: the next pass sees what is left.
/// </summary>
public sealed class InvoicingWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<WorkerOptions> options,
    ILogger<InvoicingWorker> log) : Worker(time, log)
{
    protected override TimeSpan Interval => options.Value.InvoicingInterval;

    protected override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var moved = await scope.ServiceProvider.GetRequiredService<Invoices>().MoveDueOrdersAsync(ct);
        if (moved > 0) Log.LogInformation("Moved {Count} accepted orders on to invoicing.", moved);
        return moved;
    }
}
