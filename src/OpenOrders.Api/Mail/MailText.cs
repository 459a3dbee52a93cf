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
    private readonly TimeZoneInfo zone;

    public MailText(string language, TimeZoneInfo zone)
    {
        Language = MailLanguage.IsKnown(language) ? language : MailLanguage.Dutch;
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
            return string.Format(CultureInfo.InvariantCulture, format,
                [.. values.Select(v => v is string s ? OneLine(s) : v)]);
        }
    }

    /// <summary>"Monday 11 January 2027, 09:00" / "maandag 11 januari 2027, 09:00".</summary>
    public string Moment(DateTimeOffset value) =>
        Day(value) + ", " + TimeZoneInfo.ConvertTime(value, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The day written out. The process formats invariantly (no culture data is shipped), so the Dutch names are
    /// written here, as the console writes its Dutch number format.
    /// </summary>
    public string Day(DateTimeOffset value)
    {
        var local = TimeZoneInfo.ConvertTime(value, zone);
        var (days, months) = Language == MailLanguage.Dutch ? (DutchDays, DutchMonths) : (EnglishDays, EnglishMonths);
        return $"{days[(int)local.DayOfWeek]} {local.Day} {months[local.Month - 1]} {local.Year}";
    }

    private static readonly string[] DutchDays =
        ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
    private static readonly string[] DutchMonths =
    [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ];
    private static readonly string[] EnglishDays =
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] EnglishMonths =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];

    public string Of<TEnum>(TEnum value) where TEnum : struct, Enum => DisplayValues.Of(value, DisplayLanguage);

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
