namespace OpenOrders.Api.Validation;

/// <summary>
/// A pending slow validation, written in the same transaction as the order (or the change) that needs it.
/// A worker leases it, validates, and deletes it in the transaction that stores the outcome. A validation that
/// throws is tried again later (backoff), and after <see cref="MaxAttempts"/> the job is dead: no longer leased,
/// its order says why, and an admin can retry it.
/// </summary>
public sealed class ValidationJob : Data.ILeasable
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

    public const int MaxAttempts = 5;

    /// <summary>1, 4, 16, 64 and 256 seconds: about six minutes from the first failure to giving up.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Pow(4, Math.Clamp(attempts - 1, 0, 4)));
}
