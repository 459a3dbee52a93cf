using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Work;

namespace OpenOrders.Api.Validation;

/// <summary>
/// The slow validation as a background worker: woken when an order is committed in this process, and polling
/// for jobs of other instances and for leases that expired with a worker that died. Jobs are leased with
/// <see cref="Leases"/>: on PostgreSQL instances share them without waiting on each other, and a job whose lease has
/// not expired is never handed out twice, a dead one not at all.
/// </summary>
public sealed class ValidationWorker(IServiceScopeFactory scopes, ValidationSignal signal, TimeProvider time,
    IOptions<WorkerOptions> options, ILogger<ValidationWorker> log) : Worker(time, log)
{
    protected override TimeSpan Interval => options.Value.PollInterval;
    protected override WorkSignal Signal => signal;

    protected override Task<int> RunOnceAsync(CancellationToken ct) =>
        RunOnceAsync(scopes, options.Value.InstanceName, Time, options.Value.LeaseDuration, ct);

    /// <summary>A dead job is not leased; each lease counts an attempt.</summary>
    public static readonly LeaseQuery<ValidationJob> Jobs = new(nameof(ValidationJob.OrderId),
        "\"DateDead\" IS NULL", j => j.DateDead == null,
        "\"Attempts\" = \"Attempts\" + 1", s => s.SetProperty(j => j.Attempts, j => j.Attempts + 1));

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
            leased = await Leases.TakeAsync(scope.ServiceProvider.GetRequiredService<OrdersDbContext>(), Jobs, owner,
                32, time.GetUtcNow(), lease, ct);
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
