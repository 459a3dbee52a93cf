using System.Globalization;

namespace OpenOrders.Domain.Orders;

/// <summary>
/// The sentences the order rules write into a transition or a refusal, as templates: the API sends them as they are
/// (the <c>message</c> of a transition, the <c>detail</c> of a problem), and the console recognises each template and
/// says it in its own words, in the person's language. A sentence a person typed matches none and is shown as typed.
/// </summary>
public static class OrderMessages
{
    // What a transition says.
    public const string Received = "Order received; validation pending.";
    public const string ValidationPassed = "Validation passed.";
    public const string ValidationFailed = "Validation failed: {0} error(s).";
    public const string Invoice = "Invoice {0}.";
    public const string CheckingStartMoment = "Checking start moment {0} before accepting it.";
    public const string Corrected = "Corrected; validating again.";
    public const string ChoiceChanged = "Start-moment choice changed; validating again.";
    public const string StartMomentGone = "Accepted start moment not changed: the start moment no longer exists.";
    public const string StartMomentStarted = "Accepted start moment not changed: {0} has already started ({1}).";
    public const string StartMomentChanged = "Accepted start moment changed to {0} ({1}).";

    // What a refusal says.
    public const string IllegalMove = "An order in {0} cannot be moved to {1} by the {2}. Allowed now: {3}.";
    public const string OrderLinesIncomplete = "Order lines {0} have no invoiceOnBehalfOfName and " +
        "invoiceOnBehalfOfVatNumber yet: set them with PATCH …/order-lines/{{sequenceNumber}} first.";
    public const string CancellationTooLate = "An account can cancel up to {0} days before the start ({1}); " +
        "that was {2}. Ask the marketplace to cancel.";
    public const string NotUpdatable = "An order in {0} cannot be updated. Orders can be updated in: {1}.";
    public const string NotSettableBy = "The {0} cannot set {1} on an order in {2}.";
    public const string NeedsValidation = "This change needs a new validation, which an order in {0} cannot have.";
    public const string OrderLinesNotChangeable = "Order lines can be changed in {0}, not in {1}.";

    /// <summary>Every template, for the console's words and the test that each has them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Received, ValidationPassed, ValidationFailed, Invoice, CheckingStartMoment, Corrected, ChoiceChanged,
        StartMomentGone, StartMomentStarted, StartMomentChanged, IllegalMove, OrderLinesIncomplete,
        CancellationTooLate, NotUpdatable, NotSettableBy, NeedsValidation, OrderLinesNotChangeable,
    ];

    /// <summary>A template with its values, as the API says it (dates as yyyy-MM-dd).</summary>
    public static string Say(string template, params object?[] values) =>
        string.Format(CultureInfo.InvariantCulture, template,
            values.Select(v => v is DateTimeOffset d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : v)
                .ToArray());
}
