namespace OpenOrders.Api.Hosting;

/// <summary>The <c>Workers</c> configuration section.</summary>
public sealed class WorkerOptions
{
    /// <summary>Off in tests that drive the workers by hand.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often a worker looks for work it was not told about (another instance's, or an expired lease).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a leased job belongs to the worker that took it; after that another may take it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often accepted orders are checked for being due for invoicing; zero turns the pass off.</summary>
    public TimeSpan InvoicingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Names this instance in leases.</summary>
    public string InstanceName { get; set; } =
        $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}

/// <summary>
/// Wakes a worker at once when work was committed in this process, instead of waiting for the next poll.
/// </summary>
public class WorkSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    /// <summary>Returns when notified or when the poll interval has passed on the given clock.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(poll, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try { await signal.WaitAsync(linked.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }
}

/// <summary>One signal per kind of work, so each worker is woken by its own.</summary>
public sealed class ValidationSignal : WorkSignal;
