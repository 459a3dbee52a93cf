namespace OpenOrders.Api.Work;

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

/// <summary>Wakes the validation worker when an order or a change that needs validating was committed.</summary>
public sealed class ValidationSignal : WorkSignal;

/// <summary>Wakes the webhook worker when anything was committed.</summary>
public sealed class DeliverySignal : WorkSignal;

/// <summary>Wakes the mail worker when a commit wrote mail.</summary>
public sealed class MailSignal : WorkSignal;

/// <summary>Wakes the bulk-move worker when a move is confirmed in this process.</summary>
public sealed class BulkMoveSignal : WorkSignal;
