using OpenOrders.Api.Orders;

namespace OpenOrders.Api.Tests.Orders;

/// <summary>The small rules of lists: CSV fields, order-number prefixes, cursors.</summary>
public sealed class OrderSelectionTests
{
    [Theory]
    [InlineData("Sanne de Vries", false, "Sanne de Vries")]
    [InlineData("Smit; Jansen", true, "\"Smit; Jansen\"")]
    [InlineData("Smit, Jansen", true, "\"Smit, Jansen\"")]
    [InlineData("say \"hi\"", true, "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", true, "\"two\nlines\"")]
    [InlineData(" padded", true, "\" padded\"")]
    [InlineData("=1+2", true, "'=1+2")]
    [InlineData("+31612345678", true, "'+31612345678")]
    [InlineData("-5", true, "'-5")]
    [InlineData("@SUM(A1)", true, "'@SUM(A1)")]
    [InlineData("\tx", true, "'\tx")]
    [InlineData("=cmd|' /C calc'!A0;x", true, "\"'=cmd|' /C calc'!A0;x\"")]
    [InlineData("-5", false, "-5")] // a number the service wrote, not a person's text
    [InlineData(null, true, "")]
    public void A_field_is_quoted_when_it_holds_a_separator_and_a_formula_is_made_text(
        string? value, bool text, string written) =>
        Assert.Equal(written, OrderCsv.Escape(new OrderCsv.Field(value, text)));

    [Theory]
    [InlineData("1", 10_000_000, 19_999_999)]
    [InlineData("1234", 12_340_000, 12_349_999)]
    [InlineData("12345678", 12_345_678, 12_345_678)]
    [InlineData(" 99 ", 99_000_000, 99_999_999)]
    public void An_order_number_prefix_is_a_range_of_eight_digit_numbers(string prefix, int low, int high) =>
        Assert.Equal((low, high), OrderSelections.NumberRange(prefix));

    [Theory]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("12a")]
    [InlineData("-1")]
    public void Anything_but_up_to_eight_digits_is_no_prefix(string prefix) =>
        Assert.Null(OrderSelections.NumberRange(prefix));

    [Fact]
    public void A_cursor_reads_back_only_for_its_own_sort()
    {
        var cursor = new ListCursor(OrderSort.Total, 196_750, 12_345_678);
        Assert.Equal(cursor, ListCursor.Parse(cursor.ToString(), OrderSort.Total));
        Assert.Null(ListCursor.Parse(cursor.ToString(), OrderSort.Created));
        Assert.Null(ListCursor.Parse("not-a-cursor", OrderSort.Total));
        Assert.Null(ListCursor.Parse("%%%", OrderSort.Total));
    }
}
