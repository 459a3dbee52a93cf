using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Orders;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>The order page's correction form of an invalid order (<see cref="OrderCorrection"/>).</summary>
public sealed partial class OrderPageModel
{
    /// <summary>For an invalid order: the fields this person may correct, in the order they are filled in.</summary>
    public IReadOnlyList<CorrectionField> Correctable { get; private set; } = [];

    /// <summary>What the form's lists offer.</summary>
    public CorrectionChoices Choices { get; private set; } = new([], null, []);

    /// <summary>A form drawn again because a field could not be read: what the person sent, kept as sent.</summary>
    public IReadOnlyDictionary<string, string?>? Posted { get; private set; }

    /// <summary>The version the refused form was drawn with: drawn again, it still belongs to that version.</summary>
    public int? PostedVersion { get; private set; }

    /// <summary>Why each field could not be read, in the console's words, by property.</summary>
    public IReadOnlyDictionary<string, string> CorrectionProblems { get; private set; } =
        new Dictionary<string, string>();

    /// <summary>Whether the form was drawn again for another course chosen: its start moments are asked.</summary>
    public bool OtherCourseChosen { get; private set; }

    private async Task LoadCorrectionAsync(Order order, IReadOnlyDictionary<string, string?> form,
        CancellationToken ct)
    {
        Correctable = OrderCorrection.Fields(order, Caller.Role);
        if (Correctable.Count > 0)
            Choices = await OrderCorrection.ChoicesAsync(db, order, Correctable, form, time.GetUtcNow(), ct);
    }

    /// <summary>
    /// An invalid order corrected by the account: the same update as a merge patch in <c>Invalid</c>
    /// (<see cref="Order.Update"/> by <see cref="OrderUpdateRules"/>), which sends it to be checked again. A field
    /// that holds no value of its kind changes nothing: the form is drawn again as sent, each such field marked.
    /// </summary>
    public async Task<IActionResult> OnPostCorrectAsync(
        Guid id, int version, Dictionary<string, string?>? field, CancellationToken ct)
    {
        var order = await db.FindVisibleAsync(id, Caller, ct, tracked: false);
        if (order is null) return Missing();
        var form = field ?? [];
        var changes = new Dictionary<string, object?>();
        // A form drawn before the order changed goes straight on, to be refused as stale with the fresh order shown.
        if (order.Version == version)
        {
            // The form's fields and lists as sent: read here, and shown again as they are when a field is refused.
            await LoadCorrectionAsync(order, form, ct);
            var reading = OrderCorrection.Read(Correctable, form, order, Choices);
            if (reading.Problems.Count > 0)
            {
                await LoadAsync(order, ct, correctionLoaded: true);
                (Posted, PostedVersion) = (form, version);
                CorrectionProblems = reading.Problems.ToDictionary(p => p.Key, p => ProblemOf(p.Key, p.Value));
                OtherCourseChosen = reading.Problems.Values.Any(p => p.Kind == CorrectionProblem.NotOfTheNewCourse);
                return Page();
            }
            changes = reading.Changes;
        }
        return await RunAsync(id,
            () => actions.UpdateAsync(id, changes, Caller, ExpectedVersion.Of(version), ct),
            outcome => outcome is { NeedsValidation: true }
                ? Text["Corrected: the order is checked again now. This page shows the outcome in a moment."]
                : Text["Nothing was changed: the fields hold what the order already had."]);
    }

    private string ProblemOf(string property, (CorrectionProblem Kind, int? Max) problem) => problem.Kind switch
    {
        CorrectionProblem.TooLong => Text["{0}: at most {1} characters.", FieldName(property), problem.Max!],
        CorrectionProblem.NotADate =>
            Text["{0}: enter a date as year-month-day, for example 1990-05-31.", FieldName(property)],
        CorrectionProblem.NotANumber => Text["{0}: enter a whole number, for example 12.", FieldName(property)],
        CorrectionProblem.NotOfTheNewCourse =>
            Text["{0}: choose a start moment of the course you chose.", FieldName(property)],
        _ => Text["{0}: choose one of the list.", FieldName(property)],
    };

    /// <summary>What a person calls an order's property, in the form and its messages.</summary>
    public string FieldName(string property) => Words.Field(property);

    /// <summary>The text a field shows: as sent when the form is drawn again, else the order's value.</summary>
    public string? ValueOf(CorrectionField field) =>
        Posted is { } posted && posted.TryGetValue(field.Name, out var sent)
            ? sent
            : OrderCorrection.ValueOf(Order, field);

    /// <summary>Why the order's own course is not one of the list, for its entry in the list.</summary>
    public string WhyNotListed => Course is null ? Text["not a known course"]
        : !Course.IsActive ? Text["no longer offered"]
        : Text["not in the employer's assortment"];
}
