using ServicesSync.Activities.Services.Finance;
using ServicesSync.Canonical;
using static ServicesSync.Activities.Services.Tests.Finance.FinanceMother;

namespace ServicesSync.Activities.Services.Tests.Finance;

/// <summary>Rates follow the work date: versions must not overlap and must leave no gap.</summary>
public class EffectiveDatingTests
{
    [Fact]
    public void RateChangeMidWeek_EachDayIsPricedByItsOwnVersion()
    {
        // Monday 29 June to Friday 3 July 2026; the new rates start on Wednesday 1 July.
        var week = Enumerable.Range(0, 5).Select(i => Entry($"w{i}", Day(6, 29).AddDays(i), 3600)).ToList();

        var result = Validate(week);

        Assert.Empty(result.Errors);
        Assert.Equal([180m, 180m, 190m, 190m, 190m], result.Lines.Select(l => l.Rate!.Rate.Amount));
        Assert.Equal([Day(1, 1), Day(1, 1), Day(7, 1), Day(7, 1), Day(7, 1)], result.Lines.Select(l => l.Rate!.VersionFrom!.Value));
        Assert.Equal(new Money(930m, "USD"), result.TotalAmount);
    }

    [Fact]
    public void Versions_Overlapping_IsAnError()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(1, 1), Day(6, 30), Default(100)), Version(Day(6, 15), null, Default(110)));

        var error = Assert.Single(Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [card] }).Errors);

        Assert.Equal(RateCardRules.CardVersions, error.Rule);
        Assert.Equal("Rate card 'c': the version from 2026-01-01 runs to 2026-06-30 and overlaps the version from 2026-06-15.", error.Message);
    }

    [Fact]
    public void Versions_OpenEndedFollowedByAnother_Overlap()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(1, 1), null, Default(100)), Version(Day(7, 1), null, Default(110)));

        var error = Assert.Single(Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [card] }).Errors);

        Assert.Equal("Rate card 'c': the version from 2026-01-01 has no end and overlaps the version from 2026-07-01.", error.Message);
    }

    [Fact]
    public void Versions_WithAGap_IsAnErrorNamingTheMissingDays()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(1, 1), Day(6, 30), Default(100)), Version(Day(7, 6), null, Default(110)));

        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [card] });

        var error = Assert.Single(result.Errors);
        Assert.Equal("Rate card 'c' has no rates from 2026-07-01 to 2026-07-05: versions must leave no gap.", error.Message);
    }

    [Fact]
    public void Versions_Adjacent_AreFine()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(1, 1), Day(6, 30), Default(100)), Version(Day(7, 1), Day(12, 31), Default(110)));

        Assert.Empty(Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [card] }).Errors);
    }

    [Fact]
    public void Versions_EndingBeforeTheyStartOrMissing_AreErrors()
    {
        var backwards = Card(RateCardScopeKind.Customer, "back", Version(Day(3, 1), Day(2, 1), Default(100)));
        var empty = Card(RateCardScopeKind.Default, "empty");

        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [backwards, empty] });

        Assert.Contains(result.Errors, e => e.Message == "Rate card 'back': the version from 2026-03-01 ends before it starts (2026-02-01).");
        Assert.Contains(result.Errors, e => e.Message == "Rate card 'empty' has no versions.");
    }

    [Fact]
    public void WorkDateBeforeTheFirstVersion_HasNoRate()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(4, 1), null, Default(100)));

        var result = Validate(Entry("1", Day(3, 31), 3600), r => r with { RateCards = [card] });

        Assert.Equal([RateCardRules.RateMissing], result.ErrorRules());
    }

    [Fact]
    public void NegativeRate_IsAnError()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(1, 1), null, Default(-5)));

        Assert.Contains(RateCardRules.CardVersions, Validate(Entry("1", Day(3, 2), 3600), r => r with { RateCards = [card] }).ErrorRules());
    }
}
