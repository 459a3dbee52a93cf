namespace OpenOrders.Api.Orders;

/// <summary>The first answer to a request that carried an Idempotency-Key, kept 24 hours per client and key.</summary>
public sealed class IdempotencyRecord
{
    public required string ClientId { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public required string ResponseBody { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset DateCreated { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
