using ServicesSync.Activities.Services.Finance;
using ServicesSync.Canonical;
using static ServicesSync.Activities.Services.Tests.Finance.FinanceMother;

namespace ServicesSync.Activities.Services.Tests.Finance;

/// <summary>One validation of a whole batch still says, per entry, whether that entry may be posted and why not.</summary>
public class EntryVerdictTests
{
    [Fact]
    public void Validate_RepeatedEntry_OnlyTheRepeatIsInvalid()
    {
        var result = Validate([Entry("10100", Day(3, 2), 3600), Entry("10101", Day(3, 3), 3600), Entry("10100", Day(3, 2), 3600)]);

        Assert.Equal([true, true, false], result.Entries.Select(v => v.IsValid));
        Assert.Equal([RateCardRules.Duplicate], result.Entries[2].Errors.Select(e => e.Rule));
    }

    [Fact]
    public void Validate_TwoEntriesAboveTheHardDailyLimitTogether_BothInvalidOtherDaysValid()
    {
        var result = Validate(
            [Entry("1", Day(3, 2), 6 * 3600), Entry("2", Day(3, 2), 6 * 3600), Entry("3", Day(3, 3), 6 * 3600)],
            r => r with { DailyHourLimits = new HourLimits(Hard: 10) });

        Assert.Equal([false, false, true], result.Entries.Select(v => v.IsValid));
        Assert.All(result.Entries.Take(2), v => Assert.Equal([RateCardRules.DailyHours], v.Errors.Select(e => e.Rule)));
    }

    [Fact]
    public void Validate_ErrorAboutTheWholeBatch_MakesEveryEntryInvalid()
    {
        var result = Validate([Entry("1", Day(3, 2), 3600), Entry("2", Day(3, 3), 3600)], r => r with { Project = r.Project with { Currency = "XXY" } });

        Assert.All(result.Entries, v => Assert.Contains(v.Errors, e => e.Rule == RateCardRules.CardCurrency && e.Source is null));
    }
}
