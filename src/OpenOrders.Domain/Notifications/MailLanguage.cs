namespace OpenOrders.Domain.Notifications;

/// <summary>
/// The languages mail is written in, by their codes as the API and the console write them (<c>nl</c>, <c>en</c>).
/// </summary>
public static class MailLanguage
{
    public const string Dutch = "nl";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Dutch, English];

    public static bool IsKnown(string? code) => code is Dutch or English;
}
