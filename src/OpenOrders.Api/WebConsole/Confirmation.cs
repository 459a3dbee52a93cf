namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The second step of an action that cannot be undone: the first press of its button posts without
/// <c>confirmed</c>, and the handler draws the page again with this question instead of acting. Only its own button
/// (<c>confirmed=true</c>, with the first form's fields carried along) acts. Plain forms, so no script is needed.
/// </summary>
public sealed record Confirmation
{
    /// <summary>The question, naming the thing: "Revoke the API client Planning system?".</summary>
    public required string Question { get; init; }

    /// <summary>What will happen, each said plainly and counted where there is a count.</summary>
    public required IReadOnlyList<string> Consequences { get; init; }

    /// <summary>Where the confirming form posts: the first form's own handler.</summary>
    public required string Action { get; init; }

    /// <summary>The first form's fields, carried to the second.</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();

    /// <summary>The confirming button, saying the act again ("Yes, revoke it").</summary>
    public required string ConfirmLabel { get; init; }

    /// <summary>Back to the page as it was, nothing done.</summary>
    public required string BackUrl { get; init; }
}
