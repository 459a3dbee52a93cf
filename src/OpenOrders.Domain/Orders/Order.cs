using OpenOrders.Domain.Catalog;

namespace OpenOrders.Domain.Orders;

/// <summary>
/// An order of one course for one student. Its status changes only through <see cref="MoveTo"/>, which consults
/// <see cref="OrderStatusMachine"/>, records the transition and bumps the version.
/// </summary>
public sealed partial class Order
{
    public Guid Id { get; internal set; }
    /// <summary>
    /// Assigned when the order is written (the API's writer takes it from the order-number sequence).
    /// </summary>
    public int OrderNumber { get; set; }
    public OrderStatus Status { get; private set; }

    /// <summary>Where a re-validation returns to; null for the first validation.</summary>
    public OrderStatus? StatusBeforeValidation { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset DateCreated { get; internal set; }
    public DateTimeOffset DateModified { get; private set; }

    // What the account sends.
    public Guid AccountId { get; internal set; }
    public Guid ProductId { get; internal set; }
    public OrderType OrderType { get; internal set; }
    public string? Name { get; internal set; }
    public Customer Customer { get; internal set; } = new();
    public string? FirstChoiceStartMomentId { get; internal set; }
    public string? SecondChoiceStartMomentId { get; internal set; }
    public string? ExternalId { get; internal set; }
    public string? ExternalEmployeeCode { get; internal set; }
    public string? StudentExternalCompany { get; internal set; }
    public string? PurchaseOrderReference { get; internal set; }
    public string? CostCentre { get; internal set; }
    public string? PrincipalId { get; internal set; }
    public string? PromotionalCode { get; internal set; }
    public string? TeamLeaderName { get; internal set; }
    public string? TeamLeaderEmailAddress { get; internal set; }
    public string? TeamLeaderPhoneNumber { get; internal set; }
    public string? TeamLeaderCostCentre { get; internal set; }
    public string? TeamLeaderDepartment { get; internal set; }
    public string? TeamLeaderPersonnelNumber { get; internal set; }

    // What the provider sends.
    public string? ProviderPurchaseOrderReference { get; internal set; }
    public Guid? AcceptedStartMomentId { get; private set; }
    public DateTimeOffset? AcceptedStartMomentDate { get; private set; }
    public string? AcceptedStartMomentLocation { get; private set; }

    // Derived by a passed validation.
    public Guid? ProviderId { get; internal set; }
    public string? ProviderName { get; private set; }
    public string? AccountName { get; private set; }
    public Guid? AssortmentId { get; private set; }
    public string? AssortmentName { get; private set; }
    public string? ProductTypeDisplayValue { get; private set; }
    public string? LearningMethodName { get; private set; }
    public LearningMethodFormat? LearningMethodFormat { get; private set; }
    public Planning? Planning { get; private set; }
    public Guid? StartMomentId { get; private set; }
    public DateTimeOffset? StartMomentDate { get; private set; }
    public string? StartMomentLocation { get; private set; }
    public bool? StartMomentStartGuaranteed { get; private set; }
    public Guid? SecondStartMomentId { get; private set; }
    public DateTimeOffset? SecondStartMomentDate { get; private set; }
    public string? SecondStartMomentLocation { get; private set; }
    public List<OrderLine> OrderLines { get; private set; } = [];
    public List<OrderLineFee> OrderLineFees { get; private set; } = [];
    public List<OrderLineFee> OrderLineAccountFees { get; private set; } = [];
    public decimal Total { get; private set; }
    public InvoicedBy? InvoicedBy { get; private set; }
    public int? InvoiceNumber { get; private set; }
    public bool IsProfessionalCourse { get; private set; }
    public bool IsConsumer { get; private set; }
    public bool RequireAccountApproval { get; private set; }
    public bool CalculateProviderFee { get; private set; }
    public bool HasSubsidy { get; private set; }
    public Subsidy Subsidy { get; private set; } = Subsidy.None;
    public bool IsVatExempt { get; private set; }

    public List<ValidationError> Errors { get; private set; } = [];
    public List<OrderStatusTransition> StatusTransitions { get; private set; } = [];

    /// <summary>Changes made since the order was loaded; stored with it. Not loaded with the order.</summary>
    public List<OrderChange> Changes { get; private set; } = [];

    /// <summary>
    /// A start moment the provider chose that is neither choice: checked by a validation, then accepted or not.
    /// </summary>
    public Guid? PendingAcceptedStartMomentId { get; private set; }

    /// <summary>A new order waits for the slow validation.</summary>
    public static Order Create(NewOrder order, DateTimeOffset now)
    {
        var draft = new Order
        {
            Id = order.Id, AccountId = order.AccountId, ProductId = order.ProductId, ProviderId = order.ProviderId,
            OrderType = order.OrderType, Name = order.Name, Customer = order.Customer,
            FirstChoiceStartMomentId = order.FirstChoiceStartMomentId,
            SecondChoiceStartMomentId = order.SecondChoiceStartMomentId,
            ExternalId = order.ExternalId, ExternalEmployeeCode = order.ExternalEmployeeCode,
            StudentExternalCompany = order.StudentExternalCompany,
            PurchaseOrderReference = order.PurchaseOrderReference,
            CostCentre = order.CostCentre, PrincipalId = order.PrincipalId, PromotionalCode = order.PromotionalCode,
            TeamLeaderName = order.TeamLeaderName, TeamLeaderEmailAddress = order.TeamLeaderEmailAddress,
            TeamLeaderPhoneNumber = order.TeamLeaderPhoneNumber, TeamLeaderCostCentre = order.TeamLeaderCostCentre,
            TeamLeaderDepartment = order.TeamLeaderDepartment,
            TeamLeaderPersonnelNumber = order.TeamLeaderPersonnelNumber,
        };
        draft.Status = OrderStatus.PendingValidation;
        draft.DateCreated = now;
        draft.Record(null, OrderStatus.PendingValidation, Role.System,
            new TransitionDetails(OrderMessages.Received), now);
        draft.Changed(now, OrderChangeKind.Created, []);
        return draft;
    }

    /// <summary>
    /// The one way an order changes status: the move must be in the table for this role, and what the table
    /// requires must be there. Anything else throws <see cref="OrderRuleViolation"/> and changes nothing.
    /// </summary>
    public OrderStatusTransition MoveTo(OrderStatus to, Role by, TransitionDetails details, DateTimeOffset now)
    {
        var rule = MoveRule(to, by) ?? throw IllegalMove(to, by);
        CheckRequirement(rule.Requires, details, now);

        var from = Status;
        Status = to;
        List<string> changed = ["status", .. details.AlsoChanged ?? []];
        if (to == OrderStatus.AcceptedProvider && AcceptedStartMomentId is null) AcceptFirstChoice();
        if (rule.Requires == TransitionRequirement.InvoiceNumber)
        {
            InvoiceNumber = details.InvoiceNumber;
            details = details with
            {
                Message = details.Message ?? OrderMessages.Say(OrderMessages.Invoice, InvoiceNumber),
            };
            changed.Add("invoiceNumber");
        }
        FeesFollow(to);
        var transition = Record(from, to, by, details, now);
        Changed(now, OrderChangeKind.StatusTransitioned, changed, transition.Id);
        return transition;
    }

    /// <summary>The table's rule for this move from the order's status, or null when the table has none.</summary>
    public StatusTransitionRule? MoveRule(OrderStatus to, Role by) => OrderStatusMachine.Find(Status, to, by);

    public bool CanMoveTo(OrderStatus to, Role by) => MoveRule(to, by) is not null;

    /// <summary>The moves this role may ask for now, with what each requires, in table order.</summary>
    public IReadOnlyList<StatusTransitionRule> MovesFor(Role by) =>
        [.. OrderStatusMachine.MovesFrom(Status, by)];

    public OrderRuleViolation IllegalMove(OrderStatus to, Role by)
    {
        var allowed = OrderStatusMachine.AllowedTargets(Status, by);
        var options = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
        return new OrderRuleViolation(ViolationKind.IllegalTransition,
            OrderMessages.Say(OrderMessages.IllegalMove, Status, to, by.ToString().ToLowerInvariant(), options))
        { AllowedStatuses = allowed };
    }

    private void CheckRequirement(TransitionRequirement requirement, TransitionDetails details, DateTimeOffset now)
    {
        switch (requirement)
        {
            case TransitionRequirement.CancellationReason when details.CancellationReason is null:
                throw Missing("cancellationReason", "Required when moving to this status. One of: " +
                    $"{string.Join(", ", Enum.GetNames<CancellationReason>())}.");
            case TransitionRequirement.AdminCancellationReason when details.AdminCancellationReason is null:
                throw Missing("adminCancellationReason", "Required when moving to this status. One of: " +
                    $"{string.Join(", ", Enum.GetNames<AdminCancellationReason>())}.");
            case TransitionRequirement.InvoiceOnBehalfOf:
                var incomplete = OrderLines.Where(l => !l.HasInvoiceOnBehalfOf).Select(l => l.SequenceNumber).ToList();
                if (incomplete.Count > 0)
                    throw new OrderRuleViolation(ViolationKind.Unprocessable,
                        OrderMessages.Say(OrderMessages.OrderLinesIncomplete, string.Join(", ", incomplete)))
                    { Errors = incomplete.ToDictionary(n => $"orderLines[{n}]",
                        _ => new[] { "invoiceOnBehalfOfName and invoiceOnBehalfOfVatNumber are required." }) };
                break;
            case TransitionRequirement.InvoiceNumber when details.InvoiceNumber is not > 0:
                throw Missing("invoiceNumber", "An order is invoiced with its invoice number.");
            case TransitionRequirement.CancellationDeadline:
                var start = AcceptedStartMomentDate ?? StartMomentDate;
                if (Planning != Catalog.Planning.SelfPlanned && start is { } s && now > CancellationDeadline.Before(s))
                    throw new OrderRuleViolation(ViolationKind.Conflict,
                        OrderMessages.Say(OrderMessages.CancellationTooLate, CancellationDeadline.DaysBeforeStart, s,
                            CancellationDeadline.Before(s)));
                break;
        }
    }

    private static OrderRuleViolation Missing(string property, string message) =>
        new(ViolationKind.MissingInput, $"{property}: {message}")
        { Errors = new Dictionary<string, string[]> { [property] = [message] } };

    private void AcceptFirstChoice()
    {
        AcceptedStartMomentId = StartMomentId;
        AcceptedStartMomentDate = StartMomentDate;
        AcceptedStartMomentLocation = StartMomentLocation;
    }

    /// <summary>
    /// Fees are invoiced with the order, credited with it, and waived when it ends without an invoice, unless it is
    /// cancelled with costs (the costs are charged, and the fees with them).
    /// </summary>
    private void FeesFollow(OrderStatus to)
    {
        OrderFeeStatus? status = to switch
        {
            OrderStatus.Invoiced => OrderFeeStatus.Invoiced,
            OrderStatus.Credited => OrderFeeStatus.Credited,
            OrderStatus.CancelledWithCosts => null,
            _ when OrderStatusMachine.EndsUninvoiced.Contains(to) => OrderFeeStatus.Waived,
            _ => null,
        };
        if (status is not { } s) return;
        foreach (var fee in OrderLineFees.Concat(OrderLineAccountFees)) fee.FeeStatus = s;
    }

    private OrderStatusTransition Record(OrderStatus? from, OrderStatus to, Role by, TransitionDetails details,
        DateTimeOffset now)
    {
        var transition = new OrderStatusTransition
        {
            Id = Guid.CreateVersion7(now),
            OrderId = Id,
            Sequence = StatusTransitions.Count == 0 ? 1 : StatusTransitions.Max(t => t.Sequence) + 1,
            DateCreated = now,
            FromStatus = from,
            Status = to,
            ChangedBy = by,
            ChangedByKind = details.By?.Kind,
            ChangedById = details.By?.Id,
            Message = details.Message,
            CancellationReason = details.CancellationReason,
            AdminCancellationReason = details.AdminCancellationReason,
        };
        StatusTransitions.Add(transition);
        return transition;
    }

    /// <summary>
    /// Every change bumps the version (the ETag) and the modification time (the sync cursor, never backwards),
    /// and is recorded with the properties it touched.
    /// </summary>
    private void Changed(DateTimeOffset now, OrderChangeKind kind, IEnumerable<string> fields,
        Guid? transitionId = null)
    {
        Version++;
        DateModified = now > DateModified ? now : DateModified.AddTicks(1);
        Changes.Add(new OrderChange
        {
            Id = Guid.CreateVersion7(now), OrderId = Id, Version = Version, DateCreated = now, Kind = kind,
            ModifiedFields = [.. fields], StatusTransitionId = transitionId, Status = Status,
        });
    }
}
