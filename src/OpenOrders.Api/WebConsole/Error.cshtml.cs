namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The console's answer to a missing page, a refused form and an unexpected failure, in the person's language.
/// </summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : ConsolePage
{
    public int Status { get; private set; }
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int status) => Describe(status);

    // A re-executed POST (a refused form) arrives here as a POST.
    public void OnPost(int status) => Describe(status);

    private void Describe(int status)
    {
        Status = status;
        (Title, Explanation) = status switch
        {
            404 => (Text["Not found"], Text["There is nothing here, or it is not yours to see."]),
            400 => (Text["The form could not be accepted"],
                Text["It was not sent from this page of the console, or it expired. Nothing was changed: go back, reload the page and try again."]),
            _ => (Text["Something went wrong"],
                Text["The error has been logged. Nothing was changed. Try again in a moment."]),
        };
    }
}
