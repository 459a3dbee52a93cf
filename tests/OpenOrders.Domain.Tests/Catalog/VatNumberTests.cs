using OpenOrders.Domain.Catalog;

namespace OpenOrders.Domain.Tests.Catalog;

public sealed class VatNumberTests
{
    [Theory]
    [InlineData("NL123456789B01")]
    [InlineData("nl 1234.56789-b01")]
    [InlineData("DE123456789")]
    [InlineData("BE0123456789")]
    [InlineData("FRXX123456789")]
    [InlineData("ATU12345678")]
    [InlineData("ESX1234567X")]
    public void Plausible_eu_vat_numbers_pass(string vat) => Assert.True(VatNumber.IsPlausible(vat));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NL123456789")]
    [InlineData("NL12345678B01")]
    [InlineData("US123456789")]
    [InlineData("123456789B01")]
    [InlineData("DE12345678")]
    [InlineData("BE2123456789")]
    public void Other_values_do_not(string? vat) => Assert.False(VatNumber.IsPlausible(vat));

    [Fact]
    public void Normalising_removes_separators_and_upper_cases() =>
        Assert.Equal("NL123456789B01", VatNumber.Normalise("nl 1234.56789-b01"));
}
