using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Enumerations;

/// <summary>The languages people read the console in; the API's display values are Dutch.</summary>
public enum DisplayLanguage
{
    Dutch,
    English,
}

/// <summary>
/// The one source of the display values: orders take their Dutch <c>…DisplayValue</c> fields from here,
/// <c>GET /api/v1/enumerations</c> lists this table, and the console shows it in Dutch or English.
/// </summary>
public static partial class DisplayValues
{
    // Declared first: static fields initialise in textual order and All reads this one.
    private static readonly Dictionary<Type, Dictionary<string, string>> Table = Build();
    private static readonly Dictionary<Type, Dictionary<string, string>> EnglishTable = BuildEnglish();

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of(value, DisplayLanguage.Dutch);

    public static string Of<TEnum>(TEnum value, DisplayLanguage language) where TEnum : struct, Enum =>
        Of((Enum)value, language);

    /// <summary>The display value of an enum value known only at run time (a form's list of a property's type).</summary>
    public static string Of(Enum value, DisplayLanguage language) =>
        (language == DisplayLanguage.English ? EnglishTable : Table).TryGetValue(value.GetType(), out var values)
        && values.TryGetValue(value.ToString(), out var text)
            ? text
            : throw new InvalidOperationException($"No {language} display value for {value.GetType().Name}.{value}.");

    /// <summary>Every enumeration that has display values.</summary>
    public static IEnumerable<Type> Enumerations => Table.Keys;

    public static string? OfOptional<TEnum>(TEnum? value) where TEnum : struct, Enum =>
        value is { } v ? Of(v) : null;

    /// <summary>Every enumeration with its values in declaration order.</summary>
    public static IReadOnlyList<Enumeration> All { get; } = Table
        .Select(e => new Enumeration(e.Key.Name,
            [.. Enum.GetNames(e.Key).Select(n => new EnumerationValue(n, e.Value[n]))]))
        .ToList();

    private static Dictionary<Type, Dictionary<string, string>> Build() => new()
    {
        [typeof(OrderStatus)] = Map<OrderStatus>(new()
        {
            [OrderStatus.PendingValidation] = "In afwachting van validatie",
            [OrderStatus.Invalid] = "Ongeldig",
            [OrderStatus.PendingAccount] = "In afwachting van goedkeuring werkgever",
            [OrderStatus.RejectedAccount] = "Afgewezen door werkgever",
            [OrderStatus.PendingProvider] = "In afwachting van opleider",
            [OrderStatus.RejectedProvider] = "Afgewezen door opleider",
            [OrderStatus.AcceptedProvider] = "Geaccepteerd door opleider",
            [OrderStatus.CancelledAccount] = "Geannuleerd door werkgever",
            [OrderStatus.CancelledAdmin] = "Geannuleerd door beheerder",
            [OrderStatus.PendingInvoice] = "Te factureren",
            [OrderStatus.Invoiced] = "Gefactureerd",
            [OrderStatus.Paid] = "Betaald",
            [OrderStatus.PendingCredited] = "Creditering aangevraagd",
            [OrderStatus.Credited] = "Gecrediteerd",
            [OrderStatus.NotInvoiced] = "Niet gefactureerd",
            [OrderStatus.CancelledWithCosts] = "Geannuleerd met kosten",
            [OrderStatus.InvoicedByThirdParty] = "Gefactureerd door derde",
        }),
        [typeof(OrderType)] = Map<OrderType>(new()
        {
            [OrderType.Course] = "Opleiding",
            [OrderType.ELearning] = "E-learning",
            [OrderType.Exam] = "Examen",
            [OrderType.Coaching] = "Coaching",
        }),
        [typeof(CostType)] = Map<CostType>(new()
        {
            [CostType.CourseFee] = "Cursusgeld",
            [CostType.ExamFee] = "Examengeld",
            [CostType.MaterialFee] = "Lesmateriaal",
            [CostType.RegistrationFee] = "Inschrijfgeld",
            [CostType.AccommodationFee] = "Verblijfskosten",
            [CostType.Other] = "Overige kosten",
        }),
        [typeof(CancellationReason)] = Map<CancellationReason>(new()
        {
            [CancellationReason.NoAvailability] = "Geen plaats beschikbaar",
            [CancellationReason.InsufficientParticipants] = "Te weinig deelnemers",
            [CancellationReason.CourseCancelled] = "Opleiding vervallen",
            [CancellationReason.StartMomentUnavailable] = "Startmoment niet beschikbaar",
            [CancellationReason.StudentNotEligible] = "Deelnemer voldoet niet aan de toelatingseisen",
            [CancellationReason.DuplicateOrder] = "Dubbele bestelling",
            [CancellationReason.Other] = "Anders",
        }),
        [typeof(AdminCancellationReason)] = Map<AdminCancellationReason>(new()
        {
            [AdminCancellationReason.DuplicateOrder] = "Dubbele bestelling",
            [AdminCancellationReason.RequestedByAccount] = "Op verzoek van de werkgever",
            [AdminCancellationReason.RequestedByProvider] = "Op verzoek van de opleider",
            [AdminCancellationReason.Fraud] = "Fraude",
            [AdminCancellationReason.TechnicalIssue] = "Technisch probleem",
            [AdminCancellationReason.Other] = "Anders",
        }),
        [typeof(OrderFeeStatus)] = Map<OrderFeeStatus>(new()
        {
            [OrderFeeStatus.Pending] = "Openstaand",
            [OrderFeeStatus.Invoiced] = "Gefactureerd",
            [OrderFeeStatus.Credited] = "Gecrediteerd",
            [OrderFeeStatus.Waived] = "Kwijtgescholden",
        }),
        [typeof(Subsidy)] = Map<Subsidy>(new()
        {
            [Subsidy.None] = "Geen subsidie",
            [Subsidy.STAP] = "STAP-budget",
            [Subsidy.SLIM] = "SLIM-subsidie",
            [Subsidy.Other] = "Andere subsidie",
        }),
        [typeof(InvoicedBy)] = Map<InvoicedBy>(new()
        {
            [InvoicedBy.Marketplace] = "Marktplaats",
            [InvoicedBy.Provider] = "Opleider",
            [InvoicedBy.DoNotInvoice] = "Niet factureren",
        }),
        [typeof(LearningMethodFormat)] = Map<LearningMethodFormat>(new()
        {
            [LearningMethodFormat.Classroom] = "Klassikaal",
            [LearningMethodFormat.Online] = "Online",
            [LearningMethodFormat.Blended] = "Blended",
            [LearningMethodFormat.SelfPaced] = "In eigen tempo",
        }),
        [typeof(Planning)] = Map<Planning>(new()
        {
            [Planning.Scheduled] = "Vaste startmomenten",
            [Planning.SelfPlanned] = "Zelf te plannen",
        }),
    };

    private static Dictionary<string, string> Map<TEnum>(Dictionary<TEnum, string> values) where TEnum : struct, Enum =>
        values.ToDictionary(v => v.Key.ToString(), v => v.Value);
}

public sealed record Enumeration(string Name, IReadOnlyList<EnumerationValue> Values);

public sealed record EnumerationValue(string Name, string DisplayValue);
