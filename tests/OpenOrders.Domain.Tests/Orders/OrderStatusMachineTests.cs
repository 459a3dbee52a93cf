using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Tests.Orders;

public sealed class OrderStatusMachineTests
{
    public static TheoryData<OrderStatus, OrderStatus, Role> EveryTriple()
    {
        var data = new TheoryData<OrderStatus, OrderStatus, Role>();
        foreach (var from in Enum.GetValues<OrderStatus>())
            foreach (var to in Enum.GetValues<OrderStatus>())
                foreach (var role in Enum.GetValues<Role>())
                    data.Add(from, to, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTriple))]
    public void Every_triple_is_allowed_exactly_when_the_guide_says_so(OrderStatus from, OrderStatus to, Role role)
    {
        var order = Orders.InStatus(from);
        var before = (order.Status, order.Version, order.StatusTransitions.Count);
        var details = new TransitionDetails("test", CancellationReason.Other, AdminCancellationReason.Other,
            InvoiceNumber: 7);

        if (!GuideTables.Allows(from, to, role))
        {
            var error = Assert.Throws<OrderRuleViolation>(() => order.MoveTo(to, role, details, Orders.Now));
            Assert.Equal(ViolationKind.IllegalTransition, error.Kind);
            Assert.Equal(GuideTables.Targets(from, role).Order(), error.AllowedStatuses.Order());
            Assert.Equal(before, (order.Status, order.Version, order.StatusTransitions.Count));
        }
        else
        {
            var transition = order.MoveTo(to, role, details, Orders.Now);
            Assert.Equal(to, order.Status);
            Assert.Equal(before.Version + 1, order.Version);
            Assert.Equal(from, transition.FromStatus);
            Assert.Same(transition, order.StatusTransitions[^1]);
        }
    }

    [Fact]
    public void The_final_statuses_derived_from_the_rules_are_the_specifications_eight() =>
        Assert.Equal(
            [OrderStatus.RejectedAccount, OrderStatus.RejectedProvider, OrderStatus.CancelledAccount,
             OrderStatus.CancelledAdmin, OrderStatus.Credited, OrderStatus.NotInvoiced,
             OrderStatus.CancelledWithCosts, OrderStatus.InvoicedByThirdParty],
            OrderStatusMachine.Final.Order());

    [Theory]
    [InlineData(OrderStatus.AcceptedProvider, -1, false, true)]   // started yesterday
    [InlineData(OrderStatus.AcceptedProvider, 10, false, false)]  // starts in ten days
    [InlineData(OrderStatus.AcceptedProvider, 10, true, true)]    // self-planned: at once
    [InlineData(OrderStatus.PendingProvider, -1, false, false)]   // not accepted
    public void Invoicing_is_due_on_the_start_date_or_at_once_when_self_planned(
        OrderStatus status, int startsInDays, bool selfPlanned, bool due)
    {
        var order = Orders.InStatus(status, startsIn: TimeSpan.FromDays(startsInDays + 30), selfPlanned: selfPlanned);
        Assert.Equal(due, Order.DueForInvoicing(Orders.Now.AddDays(30)).Compile()(order));
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.System)]
    public void An_order_is_invoiced_only_with_an_invoice_number_which_the_move_records_in_its_one_change(Role by)
    {
        var order = Orders.InStatus(OrderStatus.PendingInvoice);
        var before = (order.Status, order.Version, order.Changes.Count);
        Assert.True(order.CanMoveTo(OrderStatus.Invoiced, by));
        Assert.Equal(TransitionRequirement.InvoiceNumber, order.MoveRule(OrderStatus.Invoiced, by)!.Requires);

        var error = Assert.Throws<OrderRuleViolation>(() =>
            order.MoveTo(OrderStatus.Invoiced, by, new TransitionDetails(), Orders.Now));
        Assert.Equal(ViolationKind.MissingInput, error.Kind);
        Assert.Contains("invoiceNumber", error.Errors!.Keys);
        Assert.Equal(before, (order.Status, order.Version, order.Changes.Count));
        Assert.Null(order.InvoiceNumber);

        var transition = order.MoveTo(OrderStatus.Invoiced, by, new TransitionDetails(InvoiceNumber: 4711), Orders.Now);
        Assert.Equal((OrderStatus.Invoiced, 4711), (order.Status, order.InvoiceNumber));
        Assert.Equal("Invoice 4711.", transition.Message);
        Assert.Equal(before.Count + 1, order.Changes.Count);
        Assert.Equal(["status", "invoiceNumber"], order.Changes[^1].ModifiedFields);
        Assert.Equal(transition.Id, order.Changes[^1].StatusTransitionId);
    }

    [Fact]
    public void The_moves_an_order_offers_a_role_are_the_guides_moves_from_its_status()
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
            foreach (var role in Enum.GetValues<Role>())
            {
                var order = Orders.InStatus(status);
                Assert.Equal(GuideTables.Targets(status, role).Order(),
                    order.MovesFor(role).Select(r => r.To).Distinct().Order());
                Assert.All(Enum.GetValues<OrderStatus>(), to =>
                    Assert.Equal(GuideTables.Allows(status, to, role), order.CanMoveTo(to, role)));
            }
    }

    [Fact]
    public void Final_statuses_have_no_way_out()
    {
        foreach (var final in OrderStatusMachine.Final)
            Assert.DoesNotContain(OrderStatusMachine.Rules, r => r.From == final);
    }

    [Theory]
    [InlineData("AcceptedByProvider", OrderStatus.AcceptedProvider)]
    [InlineData("ApprovedProvider", OrderStatus.AcceptedProvider)]
    [InlineData("CancelledByAdmin", OrderStatus.CancelledAdmin)]
    [InlineData("acceptedprovider", OrderStatus.AcceptedProvider)]
    public void The_guides_aliases_are_understood(string name, OrderStatus status)
    {
        Assert.True(OrderStatusMachine.TryParse(name, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData("Accepted")]
    [InlineData("6")]
    [InlineData("")]
    public void Other_names_are_not(string name) => Assert.False(OrderStatusMachine.TryParse(name, out _));

    [Fact]
    public void Rejecting_needs_a_cancellation_reason()
    {
        var order = Orders.InStatus(OrderStatus.PendingProvider);
        var error = Assert.Throws<OrderRuleViolation>(() =>
            order.MoveTo(OrderStatus.RejectedProvider, Role.Provider, new TransitionDetails(), Orders.Now));
        Assert.Equal(ViolationKind.MissingInput, error.Kind);
        Assert.Contains("cancellationReason", error.Errors.Keys);
        Assert.Equal(OrderStatus.PendingProvider, order.Status);
    }

    [Fact]
    public void Cancelling_by_the_admin_needs_an_admin_cancellation_reason()
    {
        var order = Orders.InStatus(OrderStatus.AcceptedProvider);
        var error = Assert.Throws<OrderRuleViolation>(() => order.MoveTo(OrderStatus.CancelledAdmin, Role.Admin,
            new TransitionDetails(CancellationReason: CancellationReason.Other), Orders.Now));
        Assert.Contains("adminCancellationReason", error.Errors.Keys);
    }

    [Fact]
    public void Accepting_needs_invoice_on_behalf_of_data_on_every_line_and_names_the_lines_without()
    {
        var order = Orders.InStatus(OrderStatus.PendingProvider, completeLines: false);
        var error = Assert.Throws<OrderRuleViolation>(() =>
            order.MoveTo(OrderStatus.AcceptedProvider, Role.Provider, new TransitionDetails(), Orders.Now));
        Assert.Equal(ViolationKind.Unprocessable, error.Kind);
        Assert.Equal(["orderLines[1]", "orderLines[2]"], error.Errors.Keys.Order());
    }

    [Fact]
    public void Accepting_without_a_choice_accepts_the_first_start_moment()
    {
        var order = Orders.InStatus(OrderStatus.PendingProvider);
        order.MoveTo(OrderStatus.AcceptedProvider, Role.Provider, new TransitionDetails(), Orders.Now);
        Assert.Equal(order.StartMomentId, order.AcceptedStartMomentId);
        Assert.Equal(order.StartMomentDate, order.AcceptedStartMomentDate);
    }

    [Theory]
    [InlineData(15, true)]
    [InlineData(14, true)]
    [InlineData(13, false)]
    [InlineData(-1, false)]
    public void An_account_cancels_up_to_14_days_before_the_start(int daysBeforeStart, bool allowed)
    {
        var order = Orders.InStatus(OrderStatus.PendingProvider);
        var at = order.StartMomentDate!.Value.AddDays(-daysBeforeStart);
        var cancel = () => order.MoveTo(OrderStatus.CancelledAccount, Role.Account, new TransitionDetails(), at);
        if (allowed)
            Assert.Equal(OrderStatus.CancelledAccount, cancel().Status);
        else
            Assert.Equal(ViolationKind.Conflict, Assert.Throws<OrderRuleViolation>(cancel).Kind);
    }

    [Fact]
    public void A_self_planned_order_can_be_cancelled_by_the_account_at_any_time()
    {
        var order = Orders.InStatus(OrderStatus.AcceptedProvider, startsIn: TimeSpan.FromDays(1), selfPlanned: true);
        order.MoveTo(OrderStatus.CancelledAccount, Role.Account, new TransitionDetails(), Orders.Now);
        Assert.Equal(OrderStatus.CancelledAccount, order.Status);
    }

    [Fact]
    public void Fees_are_invoiced_with_the_order_and_waived_when_it_is_cancelled()
    {
        var invoiced = Orders.InStatus(OrderStatus.PendingInvoice);
        invoiced.MoveTo(OrderStatus.Invoiced, Role.Admin, new TransitionDetails(InvoiceNumber: 1001), Orders.Now);
        Assert.Equal(1001, invoiced.InvoiceNumber);
        Assert.NotEmpty(invoiced.OrderLineFees);
        Assert.All(invoiced.OrderLineFees, f => Assert.Equal(OrderFeeStatus.Invoiced, f.FeeStatus));

        var cancelled = Orders.InStatus(OrderStatus.PendingProvider);
        cancelled.MoveTo(OrderStatus.CancelledAdmin, Role.Admin,
            new TransitionDetails(AdminCancellationReason: AdminCancellationReason.Fraud), Orders.Now);
        Assert.NotEmpty(cancelled.OrderLineFees);
        Assert.All(cancelled.OrderLineFees, f => Assert.Equal(OrderFeeStatus.Waived, f.FeeStatus));
    }
}
