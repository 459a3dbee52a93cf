using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Notifications;

/// <summary>What a committed change of an order tells people by mail.</summary>
public enum OrderNotice
{
    /// <summary>The student: the provider accepted, with the accepted start moment.</summary>
    StudentAccepted,

    /// <summary>The student: the accepted start moment changed after acceptance.</summary>
    StudentStartMomentChanged,

    /// <summary>The student: the order was rejected or cancelled, with the reason.</summary>
    StudentOrderEnded,

    /// <summary>The team leader and the account's people who ask for it: an order waits for the account.</summary>
    AccountApprovalWaiting,

    /// <summary>The provider's people who ask for it at once: an order waits for the provider.</summary>
    ProviderOrderWaiting,
}

/// <summary>
/// Who is told what, as data: one rule per notice, read from the change (its kind, the fields it touched, the
/// status it left the order in) and, for a move, its transition. The mail outbox asks <see cref="For"/>; nothing
/// else decides when a person is told.
/// </summary>
public static class OrderNotices
{
    /// <summary>The statuses in which an order ended for the student: rejected or cancelled.</summary>
    public static readonly IReadOnlySet<OrderStatus> EndedForStudent = new HashSet<OrderStatus>
    {
        OrderStatus.RejectedProvider, OrderStatus.RejectedAccount, OrderStatus.CancelledAccount,
        OrderStatus.CancelledAdmin, OrderStatus.CancelledWithCosts,
    };

    public static IReadOnlyList<OrderNotice> For(OrderChange change, OrderStatusTransition? transition)
    {
        List<OrderNotice> notices = [];
        var moved = change.Kind == OrderChangeKind.StatusTransitioned && transition is not null;
        var acceptedNow = moved && transition!.Status == OrderStatus.AcceptedProvider
            && transition.FromStatus == OrderStatus.PendingProvider;
        if (acceptedNow) notices.Add(OrderNotice.StudentAccepted);
        // Another start moment accepted while the order stays accepted: at once, or after its validation.
        else if (change.Status == OrderStatus.AcceptedProvider
                 && change.ModifiedFields.Contains("acceptedStartMomentId"))
            notices.Add(OrderNotice.StudentStartMomentChanged);
        if (!moved) return notices;

        if (EndedForStudent.Contains(transition!.Status)) notices.Add(OrderNotice.StudentOrderEnded);
        if (transition.Status == OrderStatus.PendingAccount) notices.Add(OrderNotice.AccountApprovalWaiting);
        if (transition.Status == OrderStatus.PendingProvider) notices.Add(OrderNotice.ProviderOrderWaiting);
        return notices;
    }

    /// <summary>Whether the notice goes to the student (the account may turn those off).</summary>
    public static bool IsForStudent(OrderNotice notice) =>
        notice is OrderNotice.StudentAccepted or OrderNotice.StudentStartMomentChanged
            or OrderNotice.StudentOrderEnded;
}
