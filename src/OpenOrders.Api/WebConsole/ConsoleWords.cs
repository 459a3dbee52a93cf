using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using OpenOrders.Api.Webhooks;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The service's own sentences (the API's transition messages, problem details and validation errors) and a webhook
/// attempt's failure said in the console's words, in the person's language. The domain's sentences are recognised by
/// their templates in <see cref="OrderMessages"/>, so a sentence changed there is still found here; a sentence a person
/// typed (a transition's message) matches none and is shown as typed. A test checks that every template has words.
/// </summary>
public sealed class ConsoleWords(IStringLocalizer text, ConsoleFormat format)
{
    /// <summary>Template → its words, given the values the template's placeholders held.</summary>
    private static readonly Dictionary<string, Func<IStringLocalizer, ConsoleFormat, string[], string>> Words = new()
    {
        [OrderMessages.Received] = (text, _, _) => text["Order received; it is checked now."],
        [OrderMessages.ValidationPassed] = (text, _, _) => text["The checks found nothing wrong."],
        [OrderMessages.ValidationFailed] = (text, _, v) => v[0] == "1"
            ? text["The checks found 1 problem."]
            : text["The checks found {0} problems.", v[0]],
        [OrderMessages.Invoice] = (text, _, v) => text["Invoice number {0}.", v[0]],
        [OrderMessages.CheckingStartMoment] = (text, _, v) =>
            text["Start moment {0} is checked before it is accepted.", v[0]],
        [OrderMessages.Corrected] = (text, _, _) => text["Corrected; it is checked again."],
        [OrderMessages.ChoiceChanged] = (text, _, _) =>
            text["The choice of start moment changed; it is checked again."],
        [OrderMessages.StartMomentGone] = (text, _, _) =>
            text["The accepted start moment stays as it was: the chosen one no longer exists."],
        [OrderMessages.StartMomentStarted] = (text, _, v) =>
            text["The accepted start moment stays as it was: {0} has already started ({1}).", v[0], v[1]],
        [OrderMessages.StartMomentChanged] = (text, _, v) =>
            text["The accepted start moment is now {0} ({1}).", v[0], v[1]],
        [OrderMessages.IllegalMove] = (text, f, v) =>
            text["This order is {0} now, so it cannot become {1}.", Status(f, v[0]), Status(f, v[1])],
        [OrderMessages.OrderLinesIncomplete] = (text, _, v) =>
            text["Choose the legal company of order lines {0} first, and save it, then accept.", v[0]],
        [OrderMessages.CancellationTooLate] = (text, _, v) =>
            text["Too late to cancel: possible up to {0} days before the start ({1}), so until {2}.", v[0], v[1],
                v[2]] + " " + text["Ask the marketplace to cancel."],
        [OrderMessages.NotUpdatable] = (text, f, v) =>
            text["An order that is {0} cannot be changed.", Status(f, v[0])],
        [OrderMessages.NotSettableBy] = (text, f, v) =>
            text["You cannot change this in an order that is {0}.", Status(f, v[2])],
        [OrderMessages.NeedsValidation] = (text, f, v) =>
            text["This change needs new checks, which an order that is {0} cannot have.", Status(f, v[0])],
        [OrderMessages.OrderLinesNotChangeable] = (text, f, v) =>
            text["The legal companies cannot be changed in an order that is {0}.", Status(f, v[1])],
    };

    private static readonly (Regex Pattern, string Template)[] Patterns =
        [.. OrderMessages.All.Select(t => (PatternOf(t), t))];

    /// <summary>Whether the console has words for this template (a test asks it of every template).</summary>
    public static bool Knows(string template) => Words.ContainsKey(template);

    /// <summary>A transition's message: the service's sentence in the console's words, or as a person typed it.</summary>
    public string Message(string message) => Recognise(message) ?? message;

    /// <summary>
    /// A refusal kept as the service's sentence (a bulk move's outcome) in the console's words; a general sentence
    /// when it is no known one, never the service's English.
    /// </summary>
    public string Refusal(string? message) =>
        (message is null ? null : Recognise(message)) ?? text["This is not possible for this order now."];

    /// <summary>A refusal of the order rules in the console's words; by its kind when it is no known one.</summary>
    public string Refusal(OrderRuleViolation refused) => Recognise(refused.Message) ?? refused.Kind switch
    {
        ViolationKind.IllegalTransition => text["This is not possible for this order now."],
        ViolationKind.MissingInput => text["Something this needs is missing: fill in every field of the form."],
        _ => text["This is not possible for this order now."],
    };

    /// <summary>A finding of the checks on an order, in plain words.</summary>
    public string Problem(ValidationError error) => error.Code switch
    {
        "AccountNotFound" => text["The employer is not known to the marketplace."],
        "ProductNotFound" => text["The course is not known to the marketplace."],
        "ProductInactive" => text["The course is no longer offered."],
        "ProductNotInAssortment" => text["The employer cannot order this course: it is not in their assortment."],
        "OrderTypeMismatch" => text["The course is ordered as the wrong kind of order."],
        "PromotionalCodeNotFound" => text["The promotional code is not known, or no longer valid."],
        "StartMomentRequired" => text["The course has fixed start moments: choose one."],
        "SecondStartMomentSameAsFirst" => text["The second choice of start moment must differ from the first."],
        "StartMomentNotFound" => error.Property.Contains("second", StringComparison.OrdinalIgnoreCase)
            ? text["The course has no such start moment as the second choice."]
            : text["The course has no such start moment as the first choice."],
        "StartMomentInPast" => text["The chosen start moment has already started."],
        "CustomerFirstNameRequired" => text["The student's first name is missing."],
        "CustomerSurnameRequired" => text["The student's surname is missing."],
        "CustomerEmailInvalid" => text["The student's e-mail address is missing or not valid."],
        "CustomerBirthDateRequired" => text["The student's date of birth is missing."],
        "CustomerBirthDateNotInPast" => text["The student's date of birth must lie in the past."],
        "CountryCodeInvalid" => text["A country is not a known country code (such as NL)."],
        "PostalCodeInvalid" => text["A Dutch postal code has four digits and two letters, such as 1213 PD."],
        Order.ValidationNotCompletedCode =>
            text["The checks could not be completed; the marketplace has been told and will try again."],
        _ => text["The checks found a problem with this order."],
    };

    /// <summary>What a person calls a property of an order; its API name when the console has no word for it.</summary>
    public string Field(string property) => property switch
    {
        "customAttributes.firstChoiceStartMomentId" => text["First choice of start moment"],
        "customAttributes.secondChoiceStartMomentId" => text["Second choice of start moment"],
        "customer.firstName" => text["Student's first name"],
        "customer.middleName" => text["Student's middle name"],
        "customer.surname" => text["Student's surname"],
        "customer.birthDate" => text["Student's date of birth"],
        "customer.email" => text["Student's e-mail address"],
        "customer.birthCity" => text["Place of birth"],
        "customer.phoneNumber" => text["Student's phone number"],
        "customer.address.street" => text["Street"],
        "customer.address.houseNumber" => text["House number"],
        "customer.address.houseNumberAdditive" => text["Addition to the house number"],
        "customer.address.postalCode" => text["Postal code"],
        "customer.address.city" => text["Town or city"],
        "customer.address.countryCode" => text["Country (code)"],
        "customer.birthCountryCode" => text["Country of birth (code)"],
        "promotionalCode" => text["Promotional code"],
        "productReference" => text["Course"],
        "accountReference" => text["Employer"],
        "orderType" => text["Type"],
        _ => property,
    };

    /// <summary>
    /// Why a webhook delivery failed: the receiver's status code when it answered, else the kind of failure the
    /// sender recorded with the attempt (<see cref="DeliveryFailure"/>).
    /// </summary>
    public string DeliveryError(int? statusCode, DeliveryFailure? failure) => (statusCode, failure) switch
    {
        ({ } code, _) => text["The receiver answered {0}.", code],
        (_, DeliveryFailure.NoAnswerInTime) => text["No answer in time: the receiver took too long."],
        (_, DeliveryFailure.HostNotFound) => text["The receiver's host name could not be found."],
        (_, DeliveryFailure.NoConnection) => text["No connection to the receiver: it refused, or cannot be reached."],
        (_, DeliveryFailure.SecureConnection) =>
            text["The secure connection to the receiver failed (its certificate)."],
        (_, DeliveryFailure.ConnectionClosed) => text["The receiver closed the connection before answering."],
        _ => text["Sending failed before the receiver answered."],
    };

    private string? Recognise(string message)
    {
        foreach (var (pattern, template) in Patterns)
            if (pattern.Match(message) is { Success: true } match)
                return Words[template](text, format, [.. match.Groups.Cast<Group>().Skip(1).Select(g => g.Value)]);
        return null;
    }

    private static string Status(ConsoleFormat format, string name) =>
        Enum.TryParse<OrderStatus>(name, out var status) ? format.Of(status) : name;

    /// <summary>A template as a pattern: its text literally, each placeholder any text.</summary>
    private static Regex PatternOf(string template)
    {
        var text = template.Replace("{{", "\u0001").Replace("}}", "\u0002");
        var pattern = Regex.Replace(Regex.Escape(text), @"\\\{\d+}", "(.+?)")
            .Replace("\u0001", @"\{").Replace("\u0002", "}");
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
