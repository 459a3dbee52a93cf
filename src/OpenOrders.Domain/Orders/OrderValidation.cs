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
                new TransitionDetails(OrderMessages.Say(OrderMessages.ValidationFailed, errors.Count)), context.Now);

        Derive(context.Account!, context.Product!, context.Provider!, context.Assortments[0], context.PromotionalCode);
        var next = StatusBeforeValidation is { } previous and not OrderStatus.Invalid
            ? previous
            : RequireAccountApproval ? OrderStatus.PendingAccount : OrderStatus.PendingProvider;
        StatusBeforeValidation = null;
        return MoveTo(next, Role.System, new TransitionDetails(OrderMessages.ValidationPassed), context.Now);
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

    public string StatusDisplayValue => DisplayValues.Of(Status);
}
