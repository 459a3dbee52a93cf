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
                while (await RunOnceAsync(scopes, settings.InstanceName, time, settings.LeaseDuration,
                    stoppingToken) > 0) { }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Validation pass failed; retrying after the poll interval.");
            }
            await signal.WaitAsync(settings.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>
    /// One pass: lease a batch of due jobs and validate them together. When the batch throws, each order is
    /// validated alone, so one that cannot be validated fails by itself and its neighbours go on. Tests call this
    /// to drive the worker; it answers how many jobs it leased.
    /// </summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, string owner, TimeProvider time,
        TimeSpan lease, CancellationToken ct)
    {
        List<Guid> leased;
        await using (var scope = scopes.CreateAsyncScope())
        {
            leased = await scope.ServiceProvider.GetRequiredService<ValidationQueue>()
                .LeaseAsync(owner, 32, time.GetUtcNow(), lease, ct);
            if (leased.Count == 0) return 0;
            try
            {
                await scope.ServiceProvider.GetRequiredService<OrderValidator>().ValidateAsync(leased, owner, ct);
                return leased.Count;
            }
            catch (Exception) when (!ct.IsCancellationRequested && leased.Count > 1) { }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                await FailAsync(scopes, leased[0], owner, e, ct);
                return leased.Count;
            }
        }
        foreach (var orderId in leased)
        {
            await using var alone = scopes.CreateAsyncScope();
            try
            {
                await alone.ServiceProvider.GetRequiredService<OrderValidator>().ValidateAsync([orderId], owner, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                await FailAsync(scopes, orderId, owner, e, ct);
            }
        }
        return leased.Count;
    }

    private static async Task FailAsync(IServiceScopeFactory scopes, Guid orderId, string owner, Exception error,
        CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrderValidator>().FailAsync(orderId, owner, error, ct);
    }
}
