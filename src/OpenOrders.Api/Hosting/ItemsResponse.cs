namespace OpenOrders.Api.Hosting;

/// <summary>A list answer. Wrapped in an object so paging fields can be added without breaking clients.</summary>
public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
