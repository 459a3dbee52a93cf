using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Tests.Orders;

public sealed class OrderNumbersTests
{
    [Fact]
    public void The_first_two_million_orders_get_distinct_eight_digit_numbers()
    {
        var seen = new HashSet<int>();
        for (var n = 0; n < 2_000_000; n++)
        {
            var number = OrderNumbers.ForSequence(n);
            Assert.InRange(number, 10_000_000, 99_999_999);
            Assert.True(seen.Add(number), $"Order {n} got {number}, which an earlier order had.");
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(12_345_678L)]
    [InlineData(89_999_999L)]
    public void Each_number_leads_back_to_its_place_in_the_sequence(long n) =>
        Assert.Equal(n, OrderNumbers.SequenceOf(OrderNumbers.ForSequence(n)));

    [Fact]
    public void Anywhere_in_the_range_the_permutation_can_be_undone()
    {
        var random = new Random(20261203);
        for (var i = 0; i < 200_000; i++)
        {
            var n = random.NextInt64(OrderNumbers.Count);
            Assert.Equal(n, OrderNumbers.SequenceOf(OrderNumbers.ForSequence(n)));
        }
    }

    [Fact]
    public void Numbers_spread_over_the_whole_range_rather_than_counting_up()
    {
        var numbers = Enumerable.Range(0, 10_000).Select(n => OrderNumbers.ForSequence(n)).ToList();
        Assert.True(numbers.Zip(numbers.Skip(1)).Count(p => Math.Abs(p.First - p.Second) == 1) < 10);
        Assert.True(numbers.Min() < 20_000_000 && numbers.Max() > 90_000_000);
    }

    [Fact]
    public void After_ninety_million_orders_the_numbers_are_used_up_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OrderNumbers.ForSequence(90_000_000));
        Assert.Contains("order numbers are used", error.Message);
    }
}
