using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Enumerations;
using OpenOrders.Domain.Pricing;

namespace OpenOrders.Domain.Orders;

public sealed partial class Order
{
    public const string ValidationNotCompletedCode = "ValidationNotCompleted";

    /// <summary>
    /// The validation failed again and again and was given up: the order stays <c>PendingValidation</c> and says
    /// why in its errors, until an admin has the cause fixed and retries it (then the errors are the checks' again).
    /// </summary>
    public void ValidationNotCompleted(int attempts, DateTimeOffset now)
    {
        Errors =
        [
            new ValidationError
            {
                Code = ValidationNotCompletedCode, Property = "",
                Message = $"The validation could not be completed after {attempts} attempts; " +
                    "the marketplace has been told and will retry it.",
            },
        ];
        Changed(now, OrderChangeKind.Modified, ["errors"]);
    }

    /// <summary>
    /// An admin retries a validation that was given up (after having its cause fixed): the order no longer says it was
    /// given up, in a recorded change, and waits for the checks again.
    /// </summary>
    public void RetryValidation(DateTimeOffset now)
    {
        if (Errors.All(e => e.Code != ValidationNotCompletedCode))
            throw new OrderRuleViolation(ViolationKind.Conflict,
                $"The validation of order {OrderNumber} was not given up, so there is nothing to retry.");
        Errors = [];
        Changed(now, OrderChangeKind.Modified, ["errors"]);
    }

    /// <summary>
    /// Ends a slow validation: with errors the order becomes <c>Invalid</c>; without, the derived fields are
    /// filled and the order goes on to the account's or the provider's approval — or, after a re-validation,
    /// back to the status it had.
    /// </summary>
    public OrderStatusTransition CompleteValidation(ValidationContext context)
    {
        if (Status != OrderStatus.PendingValidation)
            throw new OrderRuleViolation(ViolationKind.Conflict,
                $"Order {OrderNumber} is {Status}, not waiting for validation.");

        if (PendingAcceptedStartMomentId is { } requested) return CompleteAcceptedStartMomentChange(requested, context);

        var errors = OrderChecks.Run(this, context);
        Errors = errors;
        if (errors.Count > 0)
            return MoveTo(OrderStatus.Invalid, Role.System,
                new TransitionDetails($"Validation failed: {errors.Count} error(s)."), context.Now);

        Derive(context.Account!, context.Product!, context.Provider!, context.Assortments[0], context.PromotionalCode);
        var next = StatusBeforeValidation is { } previous and not OrderStatus.Invalid
            ? previous
            : RequireAccountApproval ? OrderStatus.PendingAccount : OrderStatus.PendingProvider;
        StatusBeforeValidation = null;
        return MoveTo(next, Role.System, new TransitionDetails("Validation passed."), context.Now);
    }

    private void Derive(Account account, Product product, Provider provider, Assortment assortment,
        PromotionalCode? code)
    {
        AccountName = account.Name;
        IsConsumer = account.IsConsumer;
        RequireAccountApproval = account.RequireAccountApproval;
        InvoicedBy = account.InvoicedBy;
        ProviderId = provider.Id;
        ProviderName = provider.Name;
        CalculateProviderFee = provider.CalculateProviderFee;
        AssortmentId = assortment.Id;
        AssortmentName = assortment.Name;
        Name ??= product.Name;
        ProductTypeDisplayValue = product.ProductTypeDisplayValue;
        LearningMethodName = product.LearningMethod.Name;
        LearningMethodFormat = product.LearningMethod.Format;
        Planning = product.LearningMethod.Planning;
        IsProfessionalCourse = product.IsProfessionalCourse;
        Subsidy = product.Subsidy;
        HasSubsidy = product.Subsidy != Catalog.Subsidy.None;
        IsVatExempt = product.IsProfessionalCourse && provider.IsVatExempt;

        var first = FirstChoiceStartMomentId is { Length: > 0 } f ? product.FindStartMoment(f) : null;
        (StartMomentId, StartMomentDate, StartMomentLocation, StartMomentStartGuaranteed) =
            (first?.Id, first?.Date, first?.Location, first?.StartGuaranteed);
        var second = SecondChoiceStartMomentId is { Length: > 0 } s ? product.FindStartMoment(s) : null;
        (SecondStartMomentId, SecondStartMomentDate, SecondStartMomentLocation) =
            (second?.Id, second?.Date, second?.Location);

        Price(product, provider, account, code?.DiscountPercentage ?? 0m);
    }

    /// <summary>
    /// One line per price component, in the course's order; fees per line.
    /// Keeps invoice-on-behalf-of data already given.
    /// </summary>
    private void Price(Product product, Provider provider, Account account, decimal discountPercentage)
    {
        var previous = OrderLines.ToDictionary(l => l.SequenceNumber, l => l.InvoiceOnBehalfOf);
        OrderLines = [];
        OrderLineFees = [];
        OrderLineAccountFees = [];
        var sequence = 0;
        foreach (var component in product.PriceComponents)
        {
            sequence++;
            var amounts = LinePricing.Line(component.AmountWithoutVat, discountPercentage,
                component.VatPercentage, IsVatExempt);
            OrderLines.Add(new OrderLine
            {
                SequenceNumber = sequence, CostType = component.CostType, Quantity = 1,
                SubtotalWithoutVat = amounts.SubtotalWithoutVat, DiscountPercentage = amounts.DiscountPercentage,
                DiscountAmount = amounts.DiscountAmount,
                VatPercentage = amounts.VatPercentage, VatAmount = amounts.VatAmount, Total = amounts.Total,
                // A copy, not the same object: the old line and its parts are being replaced as a whole.
                InvoiceOnBehalfOf = previous.GetValueOrDefault(sequence) is { } kept
                    ? new InvoiceOnBehalfOf
                    {
                        Id = kept.Id, MerchantId = kept.MerchantId, Name = kept.Name, VatNumber = kept.VatNumber
                    }
                    : new InvoiceOnBehalfOf(),
            });
            if (provider.CalculateProviderFee)
                OrderLineFees.Add(new OrderLineFee
                {
                    SequenceNumber = sequence, CostType = component.CostType,
                    FeePercentage = provider.ProviderFeePercentage,
                    FeeAmount = LinePricing.Fee(amounts, provider.ProviderFeePercentage)
                });
            if (account.AccountFeePercentage > 0)
                OrderLineAccountFees.Add(new OrderLineFee
                {
                    SequenceNumber = sequence, CostType = component.CostType,
                    FeePercentage = account.AccountFeePercentage,
                    FeeAmount = LinePricing.Fee(amounts, account.AccountFeePercentage)
                });
        }
        Total = OrderLines.Sum(l => l.Total);
    }

    /// <summary>The provider names, per line, the legal company the invoice is issued on behalf of.</summary>
    public void SetInvoiceOnBehalfOf(int sequenceNumber, string name, string vatNumber,
        IEnumerable<LegalCompany> companies, DateTimeOffset now)
    {
        if (!OrderUpdateRules.OrderLinesChangeable.Contains(Status))
            throw new OrderRuleViolation(ViolationKind.Conflict,
                $"Order lines can be changed in {string.Join(" or ", OrderUpdateRules.OrderLinesChangeable)}, " +
                $"not in {Status}.");
        var line = OrderLines.SingleOrDefault(l => l.SequenceNumber == sequenceNumber)
            ?? throw new OrderRuleViolation(ViolationKind.Conflict,
                $"Order {OrderNumber} has no order line {sequenceNumber}.")
            { Errors = new Dictionary<string, string[]>() };
        var vat = VatNumber.Normalise(vatNumber);
        var company = companies.FirstOrDefault(c => c.VatNumber == vat
                && string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? companies.FirstOrDefault(c => c.VatNumber == vat);
        line.InvoiceOnBehalfOf = new InvoiceOnBehalfOf
        {
            Name = name.Trim(), VatNumber = vat, Id = company?.Id, MerchantId = company?.MerchantId
        };
        Changed(now, OrderChangeKind.Modified, ["orderLines"]);
    }

    /// <summary>The status invoicing moves an accepted order to, by who invoices the account.</summary>
    public OrderStatus InvoicingStatus => InvoicedBy switch
    {
        Catalog.InvoicedBy.Provider => OrderStatus.InvoicedByThirdParty,
        Catalog.InvoicedBy.DoNotInvoice => OrderStatus.NotInvoiced,
        _ => OrderStatus.PendingInvoice,
    };

    /// <summary>
    /// Invoicing is due on the start date (the accepted start moment's, else the first choice's), or at once for a
    /// self-planned course or one without a date. The one definition: an expression, so the invoicing pass asks the
    /// database with it and the domain's tests evaluate it.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Order, bool>> DueForInvoicing(DateTimeOffset now) => o =>
        o.Status == OrderStatus.AcceptedProvider
        && (o.Planning == Catalog.Planning.SelfPlanned
            || (o.AcceptedStartMomentDate ?? o.StartMomentDate) == null
            || (o.AcceptedStartMomentDate ?? o.StartMomentDate) <= now);

    public string StatusDisplayValue => DisplayValues.Of(Status);
}
