using System.Globalization;
using OpenOrders.Domain.Enumerations;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The time zone the console shows times in (<c>Console:TimeZone</c>, by default the marketplace's own).
/// </summary>
public sealed record ConsoleTimeZone(TimeZoneInfo Zone)
{
    public const string Default = "Europe/Amsterdam";

    public static ConsoleTimeZone From(IConfiguration config)
    {
        var id = config["Console:TimeZone"] ?? Default;
        return new(TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc);
    }
}

/// <summary>
/// Dates, money and enumeration texts as a person reads them in their language. The process formats invariantly,
/// so the few Dutch conventions (decimal comma, € before the amount) are written out here.
/// </summary>
public sealed class ConsoleFormat(DisplayLanguage language, TimeZoneInfo zone)
{
    public DisplayLanguage Language => language;
    public TimeZoneInfo Zone => zone;

    public string Date(DateTimeOffset? value) =>
        value is { } v ? Local(v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public string DateTime(DateTimeOffset? value) =>
        value is { } v ? Local(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>The machine-readable form, for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public string Money(decimal amount) => "€ " + Number(amount, 2);

    public string Percentage(decimal value) => Number(value, value == decimal.Round(value) ? 0 : 2) + " %";

    public string Number(decimal value, int decimals)
    {
        var text = value.ToString("N" + decimals, CultureInfo.InvariantCulture);
        return language == DisplayLanguage.Dutch
            ? text.Replace(',', '\u0001').Replace('.', ',').Replace('\u0001', '.')
            : text;
    }

    public string Of<TEnum>(TEnum value) where TEnum : struct, Enum => DisplayValues.Of(value, language);

    public string Of<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Of(v) : "—";

    /// <summary>An enum value whose type is known only at run time.</summary>
    public string OfAny(Enum value) => DisplayValues.Of(value, language);

    /// <summary>
    /// A date typed into a form (yyyy-MM-dd), as the start of that day in the console's time zone; null when it is
    /// not one, or outside <see cref="FirstYear"/>–<see cref="LastYear"/>.
    /// </summary>
    public DateTimeOffset? ParseDate(string? text)
    {
        if (!System.DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var day) || !Plausible(day)) return null;
        // The same instant in UTC: the only offset PostgreSQL stores, and the one SQLite's stored form orders by.
        return new DateTimeOffset(day, zone.GetUtcOffset(day)).ToUniversalTime();
    }

    /// <summary>
    /// Typed dates are kept inside these years: at the edges of .NET's calendar (0001-01-01, 9999-12-31) the time
    /// zone's offset or the day after a "to" date falls outside it, and no order is that old or that far ahead.
    /// </summary>
    public const int FirstYear = 1900, LastYear = 9000;

    private static bool Plausible(System.DateTime day) => day.Year is >= FirstYear and <= LastYear;

    /// <summary>
    /// A moment typed into a <c>datetime-local</c> input, read in the console's time zone, as UTC (the database
    /// compares UTC); null when it is not one. A time skipped by the change to summer time takes the winter offset.
    /// </summary>
    public DateTimeOffset? ParseDateTime(string? text)
    {
        string[] shapes = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];
        if (!System.DateTime.TryParseExact(text, shapes, CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var local) || !Plausible(local))
            return null;
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The value of a <c>datetime-local</c> input showing this moment in the console's time zone.</summary>
    public string DateTimeInput(DateTimeOffset value) =>
        Local(value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private System.DateTime Local(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, zone).DateTime;
}
