using OpenOrders.Domain.Catalog;

namespace OpenOrders.Domain.Orders;

/// <summary>What an update did: the properties it changed, and whether the order now waits for a validation.</summary>
public sealed record UpdateOutcome(IReadOnlyList<string> ModifiedFields, bool NeedsValidation);

public sealed partial class Order
{
    /// <summary>
    /// Those of <paramref name="names"/> this role may not set on the order now, each with the reason.
    /// </summary>
    public Dictionary<string, string[]> NotSettable(IEnumerable<string> names, Role by)
    {
        var settable = OrderUpdateRules.Settable(Status, by);
        var reason = $"Not settable by the {by.ToString().ToLowerInvariant()} in {Status}.";
        return names.Where(n => !settable.Contains(n)).ToDictionary(n => n, _ => new[] { reason });
    }

    /// <summary>
    /// Applies a set of property changes (canonical names from <see cref="OrderProperties"/>) for a role, by the
    /// rules of <see cref="OrderUpdateRules"/>. Anything refused throws before anything is applied.
    /// </summary>
    public UpdateOutcome Update(IReadOnlyDictionary<string, object?> changes, Role by, Product? product,
        DateTimeOffset now)
    {
        if (!OrderUpdateRules.Updatable.Contains(Status))
            throw new OrderRuleViolation(ViolationKind.Conflict,
                OrderMessages.Say(OrderMessages.NotUpdatable, Status, string.Join(", ", OrderUpdateRules.Updatable)));

        var refused = NotSettable(changes.Keys, by);
        if (refused.Count > 0)
            throw new OrderRuleViolation(ViolationKind.Unprocessable,
                OrderMessages.Say(OrderMessages.NotSettableBy, by.ToString().ToLowerInvariant(),
                    string.Join(", ", refused.Keys), Status))
            { Errors = refused };

        var accepted = changes.TryGetValue("acceptedStartMomentId", out var value)
            ? AcceptedStartMomentFor(value, product)
            : null;
        var modified = changes
            .Where(c => c.Key != "acceptedStartMomentId" && !Equals(OrderProperties.Find(c.Key)!.Get(this), c.Value))
            .Select(c => c.Key).ToList();
        var choicesChanged = modified.Intersect(OrderUpdateRules.StartMomentChoices).Any();
        if (accepted is not null && choicesChanged)
            throw new OrderRuleViolation(ViolationKind.Unprocessable,
                "Change the start-moment choices and the accepted start moment in separate requests.")
            { Errors = new Dictionary<string, string[]>
                { ["acceptedStartMomentId"] = ["Not together with a change of the start-moment choices."] } };
        if (Status != OrderStatus.Invalid) CheckContactDetails(changes, modified, now);
        var acceptedAtOnce = accepted is not null
            && (accepted.Id == StartMomentId || accepted.Id == SecondStartMomentId);
        var revalidates = (accepted is not null && !acceptedAtOnce)
            || (Status == OrderStatus.Invalid && modified.Count > 0) || choicesChanged;
        if (revalidates && !CanMoveTo(OrderStatus.PendingValidation, Role.System))
            throw new OrderRuleViolation(ViolationKind.Conflict,
                OrderMessages.Say(OrderMessages.NeedsValidation, Status));

        foreach (var name in modified) OrderProperties.Find(name)!.Set(this, changes[name]);

        if (acceptedAtOnce && accepted!.Id != AcceptedStartMomentId)
        {
            (AcceptedStartMomentId, AcceptedStartMomentDate, AcceptedStartMomentLocation) =
                (accepted.Id, accepted.Date, accepted.Location);
            modified.Add("acceptedStartMomentId");
        }
        if (modified.Count > 0) Changed(now, OrderChangeKind.Modified, modified);

        // Another start moment, a new choice, or a fix of an invalid order: validate again.
        if (accepted is not null && !acceptedAtOnce)
        {
            PendingAcceptedStartMomentId = accepted.Id;
            return Revalidate(Status, OrderMessages.Say(OrderMessages.CheckingStartMoment, accepted.ExternalId),
                modified, now);
        }
        if (Status == OrderStatus.Invalid && modified.Count > 0)
            return Revalidate(OrderStatus.Invalid, OrderMessages.Corrected, modified, now);
        if (choicesChanged)
        {
            // After acceptance a new choice needs a new approval by the provider.
            var back = Status == OrderStatus.AcceptedProvider ? OrderStatus.PendingProvider : Status;
            if (back != Status)
                (AcceptedStartMomentId, AcceptedStartMomentDate, AcceptedStartMomentLocation) = (null, null, null);
            return Revalidate(back, OrderMessages.ChoiceChanged, modified, now);
        }
        return new UpdateOutcome(modified, false);
    }

    private UpdateOutcome Revalidate(OrderStatus returnTo, string message, List<string> modified, DateTimeOffset now)
    {
        MoveTo(OrderStatus.PendingValidation, Role.System, new TransitionDetails(message), now);
        StatusBeforeValidation = returnTo;
        return new UpdateOutcome(modified, true);
    }

    private StartMoment AcceptedStartMomentFor(object? value, Product? product)
    {
        OrderRuleViolation Refuse(string message) => new(ViolationKind.Unprocessable, message)
        { Errors = new Dictionary<string, string[]> { ["acceptedStartMomentId"] = [message] } };

        if (value is not string idOrExternalId || string.IsNullOrWhiteSpace(idOrExternalId))
            throw Refuse("An accepted start moment cannot be cleared; name a start moment of the course.");
        return product?.FindStartMoment(idOrExternalId.Trim())
            ?? throw Refuse($"'{idOrExternalId}' is not a start moment of the ordered course.");
    }

    /// <summary>
    /// Contact details changed outside re-validation must still be valid: checked on a copy before anything is applied.
    /// </summary>
    private void CheckContactDetails(IReadOnlyDictionary<string, object?> changes, List<string> modified,
        DateTimeOffset now)
    {
        var customerFields = modified.Where(m => m.StartsWith("customer.", StringComparison.Ordinal)).ToList();
        if (customerFields.Count == 0) return;
        var copy = new Order { Customer = Customer.Copy() };
        foreach (var name in customerFields) OrderProperties.Find(name)!.Set(copy, changes[name]);
        var errors = OrderChecks.CustomerErrors(copy.Customer, now)
            .Where(e => customerFields.Contains(e.Property)).ToList();
        if (errors.Count > 0)
            throw new OrderRuleViolation(ViolationKind.Unprocessable,
                string.Join(" ", errors.Select(e => e.Message)))
            { Errors = errors.GroupBy(e => e.Property)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()) };
    }

    /// <summary>
    /// Ends the validation of a start moment the provider chose: accepted when it is still open, else the order
    /// stays as it was.
    /// </summary>
    private OrderStatusTransition CompleteAcceptedStartMomentChange(Guid requested, ValidationContext context)
    {
        var moment = context.Product?.StartMoments.FirstOrDefault(m => m.Id == requested);
        var returnTo = StatusBeforeValidation ?? OrderStatus.PendingProvider;
        PendingAcceptedStartMomentId = null;
        StatusBeforeValidation = null;
        string message;
        if (moment is null)
            message = OrderMessages.StartMomentGone;
        else if (moment.Date <= context.Now)
            message = OrderMessages.Say(OrderMessages.StartMomentStarted, moment.ExternalId, moment.Date);
        else
        {
            (AcceptedStartMomentId, AcceptedStartMomentDate, AcceptedStartMomentLocation) =
                (moment.Id, moment.Date, moment.Location);
            message = OrderMessages.Say(OrderMessages.StartMomentChanged, moment.ExternalId, moment.Date);
        }
        var accepted = moment is not null && AcceptedStartMomentId == moment.Id;
        return MoveTo(returnTo, Role.System,
            new TransitionDetails(message, AlsoChanged: accepted ? ["acceptedStartMomentId"] : null), context.Now);
    }
}
