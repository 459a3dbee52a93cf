using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Tests.Orders;

/// <summary>The production tables against the guide's, as written out by hand in <see cref="GuideTables"/>.</summary>
public sealed class GuideTablesTests
{
    [Fact]
    public void The_status_table_is_the_guides_row_for_row()
    {
        var guide = GuideTables.Moves.ToHashSet();
        var table = OrderStatusMachine.Rules.Select(r => (r.From, r.To, r.Role, r.Requires)).ToHashSet();

        Assert.Equal(GuideTables.Moves.Length, guide.Count);
        Assert.Equal(OrderStatusMachine.Rules.Count, table.Count);
        Assert.True(guide.SetEquals(table),
            $"Only in OrderStatusMachine: {string.Join("; ", table.Except(guide))}. " +
            $"Only in the guide: {string.Join("; ", guide.Except(table))}.");
    }

    [Fact]
    public void The_updatable_statuses_are_the_guides_and_every_other_status_is_not()
    {
        Assert.Equal(GuideTables.Updatable.Order(), OrderUpdateRules.Updatable.Order());
        Assert.Equal(Enum.GetValues<OrderStatus>(), GuideTables.Updatable.Concat(GuideTables.NotUpdatable).Order());
        Assert.All(GuideTables.NotUpdatable, s => Assert.DoesNotContain(s, OrderUpdateRules.Updatable));
    }

    [Fact]
    public void The_happy_flow_takes_an_order_from_validation_to_invoiced_with_the_guides_roles()
    {
        var account = Orders.Account(approval: true);
        var provider = Orders.Provider();
        var product = Orders.Product(provider);
        var order = Orders.New(account, product);
        Assert.Equal(GuideTables.HappyFlow[0].From, order.Status);

        foreach (var (from, to, who) in GuideTables.HappyFlow)
        {
            Assert.Equal(from, order.Status);
            if (who == Role.System && from == OrderStatus.PendingValidation)
                order.CompleteValidation(Orders.Context(account, product, provider));
            else
                order.MoveTo(to, who, new TransitionDetails(InvoiceNumber: 1), Orders.Now);
            Assert.Equal(to, order.Status);
            if (to == OrderStatus.PendingProvider)
                foreach (var line in order.OrderLines)
                    order.SetInvoiceOnBehalfOf(line.SequenceNumber, "Opleider BV", "NL123456789B01",
                        provider.LegalCompanies, Orders.Now);
        }
        Assert.Equal(OrderStatus.Invoiced, order.Status);
    }

    public static TheoryData<OrderStatus, Role> EveryStatusAndCaller()
    {
        var data = new TheoryData<OrderStatus, Role>();
        foreach (var status in Enum.GetValues<OrderStatus>())
            foreach (var role in new[] { Role.Account, Role.Provider, Role.Admin })
                data.Add(status, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndCaller))]
    public void What_a_role_may_set_in_a_status_is_what_the_guide_says(OrderStatus status, Role role) =>
        Assert.Equal(GuideTables.Settable(status, role).Order(), OrderUpdateRules.Settable(status, role).Order());
}
