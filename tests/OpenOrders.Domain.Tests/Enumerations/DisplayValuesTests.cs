using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Enumerations;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Tests.Enumerations;

public sealed class DisplayValuesTests
{
    [Fact]
    public void Every_enum_of_the_domain_has_a_display_value_for_every_value()
    {
        // Role and the rule-internal enums never travel in an order; every other enum does.
        Type[] notShown =
        [
            typeof(Role), typeof(TransitionRequirement), typeof(ViolationKind), typeof(OrderChangeKind),
            typeof(ActorKind), typeof(DisplayLanguage), typeof(global::OpenOrders.Domain.Notifications.OrderNotice),
        ];
        var enums = typeof(Role).Assembly.GetTypes().Where(t => t.IsEnum && !notShown.Contains(t)).ToList();
        Assert.Equal(enums.Select(e => e.Name).Order(), DisplayValues.All.Select(e => e.Name).Order());
        foreach (var enumeration in DisplayValues.All)
        {
            // Every value is listed (an empty list would pass the check below), and none is blank.
            Assert.Equal(Enum.GetNames(enums.Single(e => e.Name == enumeration.Name)),
                enumeration.Values.Select(v => v.Name));
            Assert.All(enumeration.Values, v => Assert.False(string.IsNullOrWhiteSpace(v.DisplayValue)));
        }
    }

    [Fact]
    public void Every_display_value_has_an_english_text_too()
    {
        foreach (var type in DisplayValues.Enumerations)
            foreach (var value in Enum.GetValues(type))
            {
                var english = (string)typeof(DisplayValues).GetMethods()
                    .Single(m => m.Name == nameof(DisplayValues.Of) && m.IsGenericMethodDefinition
                        && m.GetParameters().Length == 2)
                    .MakeGenericMethod(type).Invoke(null, [value, DisplayLanguage.English])!;
                Assert.False(string.IsNullOrWhiteSpace(english), $"{type.Name}.{value}");
                // The same through the untyped overload (for values known only as Enum).
                Assert.Equal(english, DisplayValues.Of((Enum)value, DisplayLanguage.English));
            }
        Assert.Equal("Accepted by the provider",
            DisplayValues.Of(OrderStatus.AcceptedProvider, DisplayLanguage.English));
    }

    [Fact]
    public void Display_values_are_dutch_text_per_value() =>
        Assert.Equal("Geaccepteerd door opleider", DisplayValues.Of(OrderStatus.AcceptedProvider));

    [Fact]
    public void Enumerations_are_listed_in_declaration_order() =>
        Assert.Equal(Enum.GetNames<CostType>(),
            DisplayValues.All.Single(e => e.Name == nameof(CostType)).Values.Select(v => v.Name));
}
