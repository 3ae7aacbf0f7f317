using ServicesSync.Activities.Services.Finance;
using ServicesSync.Canonical;
using static ServicesSync.Activities.Services.Tests.Finance.FinanceMother;

namespace ServicesSync.Activities.Services.Tests.Finance;

/// <summary>Rates are never converted: a card must be in the project's currency; amounts round to the currency's minor unit.</summary>
public class CurrencyTests
{
    [Fact]
    public void CurrencyMismatch_IsAnErrorAndTheCardIsNotUsed()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [CustomerCard("EUR")] });

        Assert.Equal([RateCardRules.CardCurrency, RateCardRules.RateMissing], result.ErrorRules());
        Assert.Equal("Rate card 'acme-2026' is in EUR but project 'Acme ERP rollout' bills in USD; rates are never converted.", result.Errors[0].Message);
        Assert.Null(result.Lines[0].Amount);
    }

    [Fact]
    public void CurrencyMismatch_DoesNotFallBackSilentlyWhenAnotherCardMatches()
    {
        var usdDefault = Card(RateCardScopeKind.Default, "usd-default", Version(Day(1, 1), null, Default(100)));

        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [CustomerCard("EUR"), usdDefault] });

        // The mismatch is reported even though the default card could price the entry.
        Assert.Equal([RateCardRules.CardCurrency], result.ErrorRules());
        Assert.False(result.IsValid);
    }

    [Fact]
    public void UnknownProjectCurrency_IsAnError()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { Project = Project(p => p with { Currency = "XXX" }) });

        Assert.Contains(result.Errors, e => e.Message == "Project 'Acme ERP rollout' has the unknown currency 'XXX'.");
    }

    [Theory]
    [InlineData("USD", "33.33", 420, "3.89")] // 7 min at 33.33/h = 3.8885
    [InlineData("JPY", "15000", 1000, "4167")] // 1000 s at 15000/h = 4166.67
    [InlineData("BHD", "45.125", 1800, "22.563")] // 30 min at 45.125/h = 22.5625
    public void Amount_IsRoundedToTheCurrencyMinorUnit(string currency, string rate, long seconds, string expected)
    {
        var card = new RateCard { Id = "c", Scope = RateCardScope.Default, Currency = currency, Versions = [Version(Day(1, 1), null, Default(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)))] };

        var result = Validate(Entry("1", Day(3, 2), seconds), r => r with { Project = Project(p => p with { Currency = currency }), RateCards = [card] });

        Assert.Empty(result.Errors);
        Assert.Equal(new Money(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), currency), result.Lines[0].Amount);
        Assert.Equal(result.Lines[0].Amount, result.TotalAmount);
    }
}
