using System.Text.Json;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Tests.Orders;

public sealed class OrderUpdateTests
{
    private static readonly Role[] Callers = [Role.Account, Role.Provider, Role.Admin];

    public static TheoryData<OrderStatus, Role, string> EveryCombination()
    {
        var data = new TheoryData<OrderStatus, Role, string>();
        foreach (var status in Enum.GetValues<OrderStatus>())
            foreach (var role in Callers)
                foreach (var property in OrderProperties.All)
                    data.Add(status, role, property.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Every_status_role_and_property_is_applied_or_refused_as_the_guide_says(
        OrderStatus status, Role role, string property)
    {
        var built = Orders.Build(status);
        var order = built.Order;
        var before = Snapshot(order);
        var value = NewValue(property, built.Product);
        var update = () =>
            order.Update(new Dictionary<string, object?> { [property] = value }, role, built.Product, Orders.Now);

        if (!GuideTables.Updatable.Contains(status))
        {
            Assert.Equal(ViolationKind.Conflict, Assert.Throws<OrderRuleViolation>(update).Kind);
            Assert.Equal(before, Snapshot(order));
        }
        else if (!GuideTables.Settable(status, role).Contains(property))
        {
            var error = Assert.Throws<OrderRuleViolation>(update);
            Assert.Equal(ViolationKind.Unprocessable, error.Kind);
            Assert.Equal([property], error.Errors.Keys);
            Assert.Equal(before, Snapshot(order));
        }
        else if (property == "acceptedStartMomentId")
        {
            // Neither the first nor the second choice (§7 ³): checked first, accepted when the check ends.
            var outcome = update();
            Assert.Empty(outcome.ModifiedFields);
            Assert.True(outcome.NeedsValidation);
            Assert.Equal(OrderStatus.PendingValidation, order.Status);
            Assert.Equal(built.Product.StartMoments[1].Id, order.PendingAcceptedStartMomentId);
        }
        else
        {
            var outcome = update();
            Assert.Equal([property], outcome.ModifiedFields);
            Assert.Equal(value, OrderProperties.Find(property)!.Get(order));
            Assert.Equal(outcome.NeedsValidation, order.Status == OrderStatus.PendingValidation);
        }
    }

    [Fact]
    public void Refused_properties_are_all_named_and_none_is_applied()
    {
        var order = Orders.InStatus(OrderStatus.PendingProvider);
        var before = Snapshot(order);
        var error = Assert.Throws<OrderRuleViolation>(() => order.Update(new Dictionary<string, object?>
        {
            ["purchaseOrderReference"] = "PO-1", ["customer.email"] = "x@example.nl", ["orderType"] = OrderType.Exam,
        }, Role.Account, null, Orders.Now));
        Assert.Equal(["customer.email", "orderType"], error.Errors.Keys.Order());
        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void The_second_choice_is_accepted_at_once()
    {
        var built = Orders.Build(OrderStatus.PendingProvider);
        var order = built.Order;
        order.Update(new Dictionary<string, object?> { ["customAttributes.secondChoiceStartMomentId"] = "SM-2" },
            Role.Account, null, Orders.Now);
        order.CompleteValidation(Orders.Context(built.Account, built.Product, built.Provider));
        order.MoveTo(OrderStatus.AcceptedProvider, Role.Provider, new TransitionDetails(), Orders.Now);

        var outcome = order.Update(new Dictionary<string, object?>
        {
            ["acceptedStartMomentId"] = built.Product.StartMoments[1].Id.ToString()
        }, Role.Provider, built.Product, Orders.Now);

        Assert.False(outcome.NeedsValidation);
        Assert.Equal(OrderStatus.AcceptedProvider, order.Status);
        Assert.Equal(built.Product.StartMoments[1].Id, order.AcceptedStartMomentId);
        Assert.Equal(["acceptedStartMomentId"], order.Changes[^1].ModifiedFields);
    }

    [Fact]
    public void Another_start_moment_is_validated_and_then_accepted_in_the_status_the_order_had()
    {
        var built = Orders.Build(OrderStatus.AcceptedProvider);
        var order = built.Order;
        var other = new StartMoment
            { Id = Guid.NewGuid(), ExternalId = "SM-9", Date = Orders.Now.AddDays(120), Location = "Zwolle" };
        built.Product.StartMoments.Add(other);

        var outcome = order.Update(new Dictionary<string, object?> { ["acceptedStartMomentId"] = "SM-9" },
            Role.Provider, built.Product, Orders.Now);
        Assert.True(outcome.NeedsValidation);
        Assert.Equal(OrderStatus.PendingValidation, order.Status);
        Assert.Equal(order.StartMomentId, order.AcceptedStartMomentId);

        var transition = order.CompleteValidation(Orders.Context(built.Account, built.Product, built.Provider));
        Assert.Equal(OrderStatus.AcceptedProvider, order.Status);
        Assert.Equal(other.Id, order.AcceptedStartMomentId);
        Assert.Contains("SM-9", transition.Message);
        Assert.Equal(["status", "acceptedStartMomentId"], order.Changes[^1].ModifiedFields);
        Assert.Equal(transition.Id, order.Changes[^1].StatusTransitionId);
    }

    [Fact]
    public void Another_start_moment_that_has_started_leaves_the_order_as_it_was_and_says_why()
    {
        var built = Orders.Build(OrderStatus.AcceptedProvider);
        var order = built.Order;
        var accepted = order.AcceptedStartMomentId;

        order.Update(new Dictionary<string, object?> { ["acceptedStartMomentId"] = "SM-OLD" },
            Role.Provider, built.Product, Orders.Now);
        var transition = order.CompleteValidation(Orders.Context(built.Account, built.Product, built.Provider));

        Assert.Equal(OrderStatus.AcceptedProvider, order.Status);
        Assert.Equal(accepted, order.AcceptedStartMomentId);
        Assert.Contains("not changed", transition.Message);
        Assert.Equal(["status"], order.Changes[^1].ModifiedFields);
    }

    [Fact]
    public void A_start_moment_of_another_course_is_refused_at_once()
    {
        var built = Orders.Build(OrderStatus.AcceptedProvider);
        var error = Assert.Throws<OrderRuleViolation>(() => built.Order.Update(
            new Dictionary<string, object?> { ["acceptedStartMomentId"] = Guid.NewGuid().ToString() },
            Role.Provider, built.Product, Orders.Now));
        Assert.Equal(ViolationKind.Unprocessable, error.Kind);
        Assert.Equal(OrderStatus.AcceptedProvider, built.Order.Status);
    }

    [Fact]
    public void A_new_choice_after_acceptance_is_validated_and_goes_back_to_the_provider()
    {
        var built = Orders.Build(OrderStatus.AcceptedProvider);
        var order = built.Order;
        order.Update(new Dictionary<string, object?> { ["customAttributes.firstChoiceStartMomentId"] = "SM-2" },
            Role.Account, null, Orders.Now);
        Assert.Equal(OrderStatus.PendingValidation, order.Status);

        order.CompleteValidation(Orders.Context(built.Account, built.Product, built.Provider));
        Assert.Equal(OrderStatus.PendingProvider, order.Status);
        Assert.Null(order.AcceptedStartMomentId);
        Assert.Equal(built.Product.StartMoments[1].Id, order.StartMomentId);
    }

    [Fact]
    public void Fixing_an_invalid_order_validates_it_again()
    {
        var provider = Orders.Provider();
        var account = Orders.Account();
        var product = Orders.Product(provider);
        var order = Orders.New(account, product, o => o.Customer.Email = "broken");
        order.CompleteValidation(Orders.Context(account, product, provider));
        Assert.Equal(OrderStatus.Invalid, order.Status);

        order.Update(new Dictionary<string, object?> { ["customer.email"] = "fixed@example.nl" },
            Role.Account, null, Orders.Now);
        order.CompleteValidation(Orders.Context(account, product, provider));

        Assert.Equal(OrderStatus.PendingProvider, order.Status);
        Assert.Empty(order.Errors);
    }

    [Fact]
    public void A_contact_detail_that_is_not_valid_is_refused_and_nothing_changes()
    {
        var order = Orders.InStatus(OrderStatus.PendingAccount);
        var before = Snapshot(order);
        var error = Assert.Throws<OrderRuleViolation>(() => order.Update(
            new Dictionary<string, object?> { ["customer.email"] = "not-an-email", ["costCentre"] = "CC-1" },
            Role.Account, null, Orders.Now));
        Assert.Equal(["customer.email"], error.Errors.Keys);
        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void Setting_a_value_it_already_has_changes_nothing()
    {
        var order = Orders.InStatus(OrderStatus.PendingProvider);
        var version = order.Version;
        var outcome = order.Update(new Dictionary<string, object?> { ["costCentre"] = null },
            Role.Account, null, Orders.Now);
        Assert.Empty(outcome.ModifiedFields);
        Assert.Equal(version, order.Version);
    }

    private static object? NewValue(string property, Product product) => property switch
    {
        "productReference" => Guid.NewGuid(),
        "orderType" => OrderType.Exam,
        "customer.birthDate" => new DateOnly(1985, 5, 5),
        "customer.address.houseNumber" => 99,
        "customer.email" => "nieuw@example.nl",
        "customer.address.postalCode" => "1234 AB",
        "customer.address.countryCode" or "customer.birthCountryCode" => "BE",
        "customAttributes.firstChoiceStartMomentId" or "customAttributes.secondChoiceStartMomentId" => "SM-2",
        "acceptedStartMomentId" => product.StartMoments[1].Id.ToString(),
        _ => "nieuw-" + property,
    };

    /// <summary>The whole order, as text: "unchanged" means byte for byte.</summary>
    private static string Snapshot(Order order) => JsonSerializer.Serialize(order);
}
