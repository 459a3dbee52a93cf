using OpenOrders.Domain.Notifications;
using OpenOrders.Domain.Orders;
using TestOrders = OpenOrders.Domain.Tests.Orders.Orders;
using static OpenOrders.Domain.Notifications.OrderNotice;
using static OpenOrders.Domain.Orders.OrderStatus;

namespace OpenOrders.Domain.Tests.Notifications;

/// <summary>
/// Who is told what, checked against the table written out here by hand (not derived from the rule):
/// the student hears of acceptance, a new accepted start moment, and rejection or cancellation; the account of
/// orders waiting for its approval; the provider of orders waiting for it. Every other move tells nobody.
/// </summary>
public sealed class OrderNoticesTests
{
    /// <summary>The notices a move into each status gives, by hand; statuses not listed give none.</summary>
    private static readonly Dictionary<OrderStatus, OrderNotice[]> ByTarget = new()
    {
        [PendingAccount] = [AccountApprovalWaiting],
        [PendingProvider] = [ProviderOrderWaiting],
        [RejectedProvider] = [StudentOrderEnded],
        [RejectedAccount] = [StudentOrderEnded],
        [CancelledAccount] = [StudentOrderEnded],
        [CancelledAdmin] = [StudentOrderEnded],
        [CancelledWithCosts] = [StudentOrderEnded],
    };

    public static TheoryData<OrderStatus, OrderStatus, Role> EveryMove()
    {
        var data = new TheoryData<OrderStatus, OrderStatus, Role>();
        foreach (var rule in OrderStatusMachine.Rules) data.Add(rule.From, rule.To, rule.Role);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Every_move_of_the_table_tells_exactly_whom_the_guide_says(OrderStatus from, OrderStatus to, Role role)
    {
        var order = TestOrders.InStatus(from);
        var transition = order.MoveTo(to, role,
            new TransitionDetails("test", CancellationReason.Other, AdminCancellationReason.Other, InvoiceNumber: 7),
            TestOrders.Now);
        var change = order.Changes[^1];
        Assert.Equal(to, change.Status);

        OrderNotice[] expected = from == OrderStatus.PendingProvider && to == AcceptedProvider
            ? [StudentAccepted]
            : ByTarget.GetValueOrDefault(to, []);
        Assert.Equal(expected, OrderNotices.For(change, transition));
    }

    [Fact]
    public void A_new_accepted_start_moment_tells_the_student_only_while_the_order_is_accepted()
    {
        OrderChange Modified(OrderStatus status) => new()
        {
            Kind = OrderChangeKind.Modified, Status = status, ModifiedFields = ["acceptedStartMomentId"],
        };
        Assert.Equal([StudentStartMomentChanged], OrderNotices.For(Modified(AcceptedProvider), null));
        Assert.Empty(OrderNotices.For(Modified(PendingProvider), null));

        // The end of a re-validation that accepted another start moment, and one that changed nothing.
        var back = new OrderStatusTransition { FromStatus = PendingValidation, Status = AcceptedProvider };
        Assert.Equal([StudentStartMomentChanged], OrderNotices.For(new OrderChange
        {
            Kind = OrderChangeKind.StatusTransitioned, Status = AcceptedProvider,
            ModifiedFields = ["status", "acceptedStartMomentId"],
        }, back));
        Assert.Empty(OrderNotices.For(new OrderChange
        {
            Kind = OrderChangeKind.StatusTransitioned, Status = AcceptedProvider, ModifiedFields = ["status"],
        }, back));
    }

    [Fact]
    public void A_new_order_and_a_change_of_other_fields_tell_nobody()
    {
        Assert.Empty(OrderNotices.For(new OrderChange { Kind = OrderChangeKind.Created, Status = PendingValidation },
            null));
        Assert.Empty(OrderNotices.For(new OrderChange
        {
            Kind = OrderChangeKind.Modified, Status = AcceptedProvider, ModifiedFields = ["customer.phoneNumber"],
        }, null));
    }

    [Fact]
    public void Only_the_three_student_notices_can_be_turned_off_by_the_account()
    {
        Assert.Equal([StudentAccepted, StudentStartMomentChanged, StudentOrderEnded],
            Enum.GetValues<OrderNotice>().Where(OrderNotices.IsForStudent));
    }
}
