using Microsoft.Extensions.Options;
using OpenOrders.Api.Hosting;

namespace OpenOrders.Api.Validation;

/// <summary>
/// The slow validation as a background worker: woken when an order is committed in this process, and polling
/// for jobs of other instances and for leases that expired with a worker that died.
/// </summary>
public sealed class ValidationWorker(IServiceScopeFactory scopes, ValidationSignal signal, TimeProvider time,
    IOptions<WorkerOptions> options, ILogger<ValidationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keep going while there is work; sleep only when a pass found none.
                while (await RunOnceAsync(scopes, settings.InstanceName, time, settings.LeaseDuration, stoppingToken) > 0) { }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Validation pass failed; retrying after the poll interval.");
            }
            await signal.WaitAsync(settings.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>One pass: lease a batch of due jobs and validate each. Tests call this to drive the worker.</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, string owner, TimeProvider time, TimeSpan lease, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leased = await scope.ServiceProvider.GetRequiredService<ValidationQueue>().LeaseAsync(owner, 32, time.GetUtcNow(), lease, ct);
        if (leased.Count > 0) await scope.ServiceProvider.GetRequiredService<OrderValidator>().ValidateAsync(leased, owner, ct);
        return leased.Count;
    }
}
