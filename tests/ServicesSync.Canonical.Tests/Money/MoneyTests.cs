using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Canonical.Tests;

public class MoneyTests
{
    [Fact]
    public void Rounded_UsesTheCurrencyMinorUnit()
    {
        Assert.Equal(1235m, new Money(1234.5m, "JPY").Rounded().Amount);
        Assert.Equal(0.123m, new Money(0.1234m, "KWD").Rounded().Amount);
        Assert.False(new Money(10.001m, "USD").IsRounded);
        Assert.True(new Money(10.5m, "USD").IsRounded);
    }

    [Fact]
    public void Add_DifferentCurrencies_IsRefusedWithoutConversion()
    {
        var ex = Assert.Throws<ServicesSyncException>(() => new Money(1m, "USD") + new Money(1m, "EUR"));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal("Cannot combine USD and EUR amounts: ServicesSync does not convert currencies.", ex.Message);
    }

    [Fact]
    public void Add_SameCurrency_SumsExactly()
        => Assert.Equal(new Money(0.3m, "EUR"), new Money(0.1m, "EUR") + new Money(0.2m, "EUR"));

    [Fact]
    public void Json_IsAmountAndCurrency()
    {
        var node = CanonicalJson.ToNode(new Money(1250.50m, "EUR"));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"amount":1250.50,"currency":"EUR"}"""), node), node!.ToJsonString());
        Assert.Equal(new Money(1250.5m, "EUR"), CanonicalJson.FromNode<Canonical.Money>(node, "rate"));
    }

    [Fact]
    public void FromNode_UnknownCurrency_NamesTheEntityAndTheCode()
    {
        var ex = Assert.Throws<ServicesSyncException>(
            () => CanonicalJson.FromNode<Canonical.Money>(JsonNode.Parse("""{"amount":1,"currency":"EURO"}"""), "input 'rateOverride'"));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.StartsWith("input 'rateOverride' is not a valid Money: 'EURO' is not a known ISO 4217 currency code", ex.Message, StringComparison.Ordinal);
    }
}
