namespace OpenOrders.Api.Validation;

/// <summary>
/// A pending slow validation, written in the same transaction as the order (or the change) that needs it.
/// A worker leases it, validates, and deletes it in the transaction that stores the outcome. A validation that
/// throws is tried again later (backoff), and after <see cref="MaxAttempts"/> the job is dead: no longer leased,
/// its order says why, and an admin can retry it.
/// </summary>
public sealed class ValidationJob : Work.ILeasable
{
    public Guid OrderId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset DateCreated { get; set; }

    /// <summary>When the job was given up; null while it is still tried.</summary>
    public DateTimeOffset? DateDead { get; set; }

    /// <summary>The last failure, as the log has it (type and message, no stack).</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// At once, then 1, 4, 16 and 64 seconds after each failure: five attempts, given up a minute and a half after
    /// the first failure. No jitter: a failing validation is this service's own, not a receiver to spare.
    /// </summary>
    public static readonly Work.RetrySchedule Retries = new([
        TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(16),
        TimeSpan.FromSeconds(64)]);

    public static int MaxAttempts => Retries.MaxAttempts;
}
