namespace OpenOrders.Api.WebConsole;

/// <summary>
/// A person's named list: the inbox's query string (filters and sort) as the person saved it. Only its owner sees it;
/// the query is read again through the same filters as a typed link, so a saved view can show nothing it could not.
/// </summary>
public sealed class SavedView
{
    public const int NameLength = 60;
    public const int QueryLength = 2000;
    /// <summary>Enough for a working day's lists; more is a list nobody reads.</summary>
    public const int MaxPerPerson = 20;

    public Guid Id { get; init; }
    public Guid PersonId { get; init; }
    public required string Name { get; set; }
    public required string Query { get; set; }
    public DateTimeOffset DateCreated { get; init; }
}
