using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>How a person fills in a field of the correction form.</summary>
public enum CorrectionInput { Text, Email, Date, Number, Choice, Course, StartMoment }

/// <summary>A field of the correction form: an order property and the input it is filled in with.</summary>
public sealed record CorrectionField(OrderProperty Property, CorrectionInput Input)
{
    public string Name => Property.Name;
    public string Id => "field-" + Property.Name.Replace('.', '-');
}

/// <summary>Why a field's text could not be read; nothing is changed while any field has one.</summary>
public enum CorrectionProblem { TooLong, NotADate, NotANumber, NotInList, NotOfTheNewCourse }

/// <summary>A course the employer may order, for the form's list.</summary>
public sealed record CourseChoice(Guid Id, string Name);

/// <summary>
/// What the form's lists offer: the courses the employer may order (when the course is a field), the course whose
/// start moments are offered (the one chosen in the form, else the order's) and those of its start moments still ahead.
/// </summary>
public sealed record CorrectionChoices(
    IReadOnlyList<CourseChoice> Courses, Product? Course, IReadOnlyList<StartMoment> Moments);

/// <summary>The form read: the changes for <see cref="Order.Update"/>, or why fields could not be read.</summary>
public sealed record CorrectionReading(
    Dictionary<string, object?> Changes, Dictionary<string, (CorrectionProblem Kind, int? Max)> Problems);

/// <summary>
/// The correction form of an invalid order: which fields it offers, what its lists hold and how it reads them. Which
/// properties a role may set in <c>Invalid</c> is <see cref="OrderUpdateRules"/>'s, whether the values are right is the
/// validation's (<see cref="OrderChecks"/>, run again after the update), and the update itself is
/// <see cref="Order.Update"/>, as for a merge patch; this picks the fields worth showing and turns form text into
/// values, refusing only text that is no value at all (not a date, not a number, not one of the list).
/// </summary>
public static class OrderCorrection
{
    /// <summary>
    /// Fields that are corrected together, in the order a person fills them in: a finding about one shows its group
    /// (a wrong postal code may be a wrong country; a wrong type belongs to the course). The start moments always show.
    /// </summary>
    private static readonly string[][] Groups =
    [
        ["productReference", "orderType"],
        OrderUpdateRules.StartMomentChoices,
        ["customer.firstName", "customer.middleName", "customer.surname"],
        ["customer.birthDate", "customer.birthCity", "customer.birthCountryCode"],
        ["customer.email", "customer.phoneNumber"],
        [
            "customer.address.street", "customer.address.houseNumber", "customer.address.houseNumberAdditive",
            "customer.address.postalCode", "customer.address.city", "customer.address.countryCode",
        ],
        ["promotionalCode"],
    ];

    /// <summary>
    /// For an invalid order: the groups of the fields the checks named, and the start-moment choices, that this role
    /// may set; then any other field the checks named.
    /// </summary>
    public static IReadOnlyList<CorrectionField> Fields(Order order, Role role)
    {
        if (order.Status != OrderStatus.Invalid) return [];
        var settable = OrderUpdateRules.Settable(OrderStatus.Invalid, role);
        var named = order.Errors.Select(e => e.Property).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var grouped = Groups.SelectMany(g => g).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. Groups.Where(g => g == OrderUpdateRules.StartMomentChoices || g.Any(named.Contains))
            .SelectMany(g => g)
            .Concat(named.Where(n => !grouped.Contains(n)))
            .Where(settable.Contains)
            .Select(OrderProperties.Find).OfType<OrderProperty>()
            .Select(p => InputOf(p) is { } input ? new CorrectionField(p, input) : null).OfType<CorrectionField>()];
    }

    /// <summary>The input a property is filled in with; null for a kind of value the form has no input for.</summary>
    private static CorrectionInput? InputOf(OrderProperty property) => property switch
    {
        { Name: "productReference" } => CorrectionInput.Course,
        { Name: var n } when OrderUpdateRules.StartMomentChoices.Contains(n) => CorrectionInput.StartMoment,
        { Type.IsEnum: true } => CorrectionInput.Choice,
        { Type: var t } when t == typeof(DateOnly) => CorrectionInput.Date,
        { Type: var t } when t == typeof(int) => CorrectionInput.Number,
        { Type: var t } when t == typeof(string) =>
            property.Name.EndsWith("email", StringComparison.OrdinalIgnoreCase)
                ? CorrectionInput.Email : CorrectionInput.Text,
        _ => null,
    };

    /// <summary>
    /// The lists the form offers, for the form as sent (empty when it is first drawn): the start moments are those of
    /// the course chosen in it when that is another the employer may order, else the order's own course's.
    /// </summary>
    public static async Task<CorrectionChoices> ChoicesAsync(OrdersDbContext db, Order order,
        IReadOnlyList<CorrectionField> fields, IReadOnlyDictionary<string, string?> form, DateTimeOffset now,
        CancellationToken ct)
    {
        IReadOnlyList<CourseChoice> courses = [];
        if (fields.Any(f => f.Input == CorrectionInput.Course))
        {
            // The validation's own question: which assortments hold the employer, and which active courses they hold.
            var held = (await db.Assortments.AsNoTracking().Where(a => a.AccountIds.Contains(order.AccountId))
                .Select(a => a.ProductIds).ToListAsync(ct)).SelectMany(ids => ids).Distinct().ToList();
            courses = await db.Products.AsNoTracking().Where(p => held.Contains(p.Id) && p.IsActive)
                .OrderBy(p => p.Name).Select(p => new CourseChoice(p.Id, p.Name)).ToListAsync(ct);
        }
        var course = form.GetValueOrDefault("productReference") is { } text && Guid.TryParse(text.Trim(), out var id)
            && courses.Any(c => c.Id == id)
            ? id : order.ProductId;
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == course, ct);
        return new CorrectionChoices(courses, product,
            [.. (product?.StartMoments ?? []).Where(m => m.Date > now).OrderBy(m => m.Date)]);
    }

    /// <summary>The form's values as changes (an empty text is null), or why fields could not be read.</summary>
    public static CorrectionReading Read(IReadOnlyList<CorrectionField> fields,
        IReadOnlyDictionary<string, string?> form, Order order, CorrectionChoices choices)
    {
        var changes = new Dictionary<string, object?>();
        var problems = new Dictionary<string, (CorrectionProblem, int?)>();
        var otherCourse = choices.Course is { } chosen && chosen.Id != order.ProductId;
        foreach (var field in fields)
        {
            if (!form.TryGetValue(field.Name, out var raw)) continue;
            var text = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
            var (value, problem) = field.Input == CorrectionInput.StartMoment
                ? StartMoment(text, ValueOf(order, field), otherCourse, choices)
                : ReadOne(field, text, order, choices);
            if (problem is { } kind) problems[field.Name] = (kind, field.Property.MaxLength);
            else changes[field.Name] = value;
        }
        return new CorrectionReading(changes, problems);
    }

    private static (object? Value, CorrectionProblem? Problem) ReadOne(CorrectionField field, string? text,
        Order order, CorrectionChoices choices)
    {
        switch (field.Input)
        {
            case CorrectionInput.Date:
                if (text is null) return (null, null);
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                    out var date) ? (date, null) : (null, CorrectionProblem.NotADate);
            case CorrectionInput.Number:
                if (text is null) return (null, null);
                return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? (number, null) : (null, CorrectionProblem.NotANumber);
            case CorrectionInput.Choice:
                // By name only: an enum also parses from a number, which no list offers.
                return text is not null && Enum.GetNames(field.Property.Type).Contains(text)
                    ? (Enum.Parse(field.Property.Type, text), null) : (null, CorrectionProblem.NotInList);
            case CorrectionInput.Course:
                return Guid.TryParse(text, out var course)
                    && (course == order.ProductId || choices.Courses.Any(c => c.Id == course))
                    ? (course, null) : (null, CorrectionProblem.NotInList);
            default:
                return text is { Length: var length } && field.Property.MaxLength is { } max && length > max
                    ? (null, CorrectionProblem.TooLong) : (text, null);
        }
    }

    /// <summary>
    /// A start moment of the list (by its external id, as the order keeps it), or none. The order's own choice may
    /// stay as it is (the checks judge it again), but not once another course is chosen: then only that course's own.
    /// </summary>
    private static (object?, CorrectionProblem?) StartMoment(string? text, string? current, bool otherCourse,
        CorrectionChoices choices)
    {
        if (text is null) return (null, null);
        if (choices.Moments.FirstOrDefault(m => m.ExternalId == text || m.Id.ToString() == text) is { } moment)
            return (moment.ExternalId, null);
        if (!otherCourse && text == current) return (text, null);
        return (null, otherCourse ? CorrectionProblem.NotOfTheNewCourse : CorrectionProblem.NotInList);
    }

    /// <summary>The text the form shows for a field now.</summary>
    public static string? ValueOf(Order order, CorrectionField field) => field.Property.Get(order) switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        var value => value?.ToString(),
    };
}
