using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Enumerations;

/// <summary>The English display values, beside the Dutch ones, for the console's English pages.</summary>
public static partial class DisplayValues
{
    private static Dictionary<Type, Dictionary<string, string>> BuildEnglish() => new()
    {
        [typeof(OrderStatus)] = Map<OrderStatus>(new()
        {
            [OrderStatus.PendingValidation] = "Awaiting validation",
            [OrderStatus.Invalid] = "Invalid",
            [OrderStatus.PendingAccount] = "Awaiting the employer's approval",
            [OrderStatus.RejectedAccount] = "Rejected by the employer",
            [OrderStatus.PendingProvider] = "Awaiting the provider",
            [OrderStatus.RejectedProvider] = "Rejected by the provider",
            [OrderStatus.AcceptedProvider] = "Accepted by the provider",
            [OrderStatus.CancelledAccount] = "Cancelled by the employer",
            [OrderStatus.CancelledAdmin] = "Cancelled by the marketplace",
            [OrderStatus.PendingInvoice] = "To be invoiced",
            [OrderStatus.Invoiced] = "Invoiced",
            [OrderStatus.Paid] = "Paid",
            [OrderStatus.PendingCredited] = "Credit requested",
            [OrderStatus.Credited] = "Credited",
            [OrderStatus.NotInvoiced] = "Not invoiced",
            [OrderStatus.CancelledWithCosts] = "Cancelled with costs",
            [OrderStatus.InvoicedByThirdParty] = "Invoiced by a third party",
        }),
        [typeof(OrderType)] = Map<OrderType>(new()
        {
            [OrderType.Course] = "Course",
            [OrderType.ELearning] = "E-learning",
            [OrderType.Exam] = "Exam",
            [OrderType.Coaching] = "Coaching",
        }),
        [typeof(CostType)] = Map<CostType>(new()
        {
            [CostType.CourseFee] = "Course fee",
            [CostType.ExamFee] = "Exam fee",
            [CostType.MaterialFee] = "Course material",
            [CostType.RegistrationFee] = "Registration fee",
            [CostType.AccommodationFee] = "Accommodation",
            [CostType.Other] = "Other costs",
        }),
        [typeof(CancellationReason)] = Map<CancellationReason>(new()
        {
            [CancellationReason.NoAvailability] = "No places available",
            [CancellationReason.InsufficientParticipants] = "Too few participants",
            [CancellationReason.CourseCancelled] = "Course cancelled",
            [CancellationReason.StartMomentUnavailable] = "Start moment not available",
            [CancellationReason.StudentNotEligible] = "Student does not meet the entry requirements",
            [CancellationReason.DuplicateOrder] = "Duplicate order",
            [CancellationReason.Other] = "Other",
        }),
        [typeof(AdminCancellationReason)] = Map<AdminCancellationReason>(new()
        {
            [AdminCancellationReason.DuplicateOrder] = "Duplicate order",
            [AdminCancellationReason.RequestedByAccount] = "At the employer's request",
            [AdminCancellationReason.RequestedByProvider] = "At the provider's request",
            [AdminCancellationReason.Fraud] = "Fraud",
            [AdminCancellationReason.TechnicalIssue] = "Technical issue",
            [AdminCancellationReason.Other] = "Other",
        }),
        [typeof(OrderFeeStatus)] = Map<OrderFeeStatus>(new()
        {
            [OrderFeeStatus.Pending] = "Pending",
            [OrderFeeStatus.Invoiced] = "Invoiced",
            [OrderFeeStatus.Credited] = "Credited",
            [OrderFeeStatus.Waived] = "Waived",
        }),
        [typeof(Subsidy)] = Map<Subsidy>(new()
        {
            [Subsidy.None] = "No subsidy",
            [Subsidy.STAP] = "STAP budget",
            [Subsidy.SLIM] = "SLIM subsidy",
            [Subsidy.Other] = "Other subsidy",
        }),
        [typeof(InvoicedBy)] = Map<InvoicedBy>(new()
        {
            [InvoicedBy.Marketplace] = "Marketplace",
            [InvoicedBy.Provider] = "Provider",
            [InvoicedBy.DoNotInvoice] = "Not invoiced",
        }),
        [typeof(LearningMethodFormat)] = Map<LearningMethodFormat>(new()
        {
            [LearningMethodFormat.Classroom] = "Classroom",
            [LearningMethodFormat.Online] = "Online",
            [LearningMethodFormat.Blended] = "Blended",
            [LearningMethodFormat.SelfPaced] = "Self-paced",
        }),
        [typeof(Planning)] = Map<Planning>(new()
        {
            [Planning.Scheduled] = "Fixed start moments",
            [Planning.SelfPlanned] = "Self-planned",
        }),
    };
}
