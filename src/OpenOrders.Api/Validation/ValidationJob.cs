namespace OpenOrders.Api.Validation;

/// <summary>
/// A pending slow validation, written in the same transaction as the order (or the change) that needs it.
/// A worker leases it, validates, and deletes it in the transaction that stores the outcome.
/// </summary>
public sealed class ValidationJob
{
    public Guid OrderId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset DateCreated { get; set; }
}
