using System.Globalization;
using System.Resources;
using OpenOrders.Domain.Enumerations;
using OpenOrders.Domain.Notifications;

namespace OpenOrders.Api.Mail;

/// <summary>
/// The mails' texts in one language: the English text is the key, <c>MailText.nl.resx</c> holds the Dutch (a test
/// checks every key has its translation). Dates are written out in the marketplace's time zone, as people read them.
/// </summary>
public sealed partial class MailText
{
    private static readonly Dictionary<string, string> Dutch = LoadDutch();
    private readonly CultureInfo culture;
    private readonly TimeZoneInfo zone;

    public MailText(string language, TimeZoneInfo zone)
    {
        Language = MailLanguage.IsKnown(language) ? language : MailLanguage.Dutch;
        culture = CultureInfo.GetCultureInfo(Language == MailLanguage.Dutch ? "nl-NL" : "en-GB");
        this.zone = zone;
    }

    public string Language { get; }

    public DisplayLanguage DisplayLanguage =>
        Language == MailLanguage.Dutch ? DisplayLanguage.Dutch : DisplayLanguage.English;

    /// <summary>The text in this language, with its placeholders filled; values are made single-line first.</summary>
    public string this[string english, params object?[] values]
    {
        get
        {
            var format = Language == MailLanguage.Dutch
                ? Dutch.GetValueOrDefault(english) ?? throw new MissingTranslation(english)
                : english;
            return string.Format(culture, format, [.. values.Select(v => v is string s ? OneLine(s) : v)]);
        }
    }

    /// <summary>"Monday 11 January 2027, 09:00" / "maandag 11 januari 2027, 09:00".</summary>
    public string Moment(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("dddd d MMMM yyyy, HH:mm", culture);

    public string Day(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("dddd d MMMM yyyy", culture);

    public string Of<TEnum>(TEnum value) where TEnum : struct, Enum => DisplayValues.Of(value, DisplayLanguage);

    public string Money(decimal amount) =>
        "€ " + amount.ToString("N2", culture);

    /// <summary>
    /// Names, titles and addresses come from API clients: no line break or other control character may reach a header
    /// or shape the text.
    /// </summary>
    public static string OneLine(string? value) => ControlRuns().Replace(value ?? "", " ").Trim();

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{Cc}\u2028\u2029]+")]
    private static partial System.Text.RegularExpressions.Regex ControlRuns();

    /// <summary>The Dutch texts (<c>MailText.nl.resx</c>, compiled to the <c>nl</c> satellite assembly).</summary>
    public static Dictionary<string, string> LoadDutch()
    {
        var set = new ResourceManager("OpenOrders.Api.Mail.MailText", typeof(MailText).Assembly)
            .GetResourceSet(CultureInfo.GetCultureInfo("nl"), createIfNotExists: true, tryParents: false);
        return set?.Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!) ?? [];
    }

    public sealed class MissingTranslation(string key) : Exception($"No Dutch mail text for \"{key}\".");
}
