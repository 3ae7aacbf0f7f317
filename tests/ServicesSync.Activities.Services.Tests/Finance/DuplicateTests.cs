using ServicesSync.Activities.Services.Finance;
using ServicesSync.Canonical;
using static ServicesSync.Activities.Services.Tests.Finance.FinanceMother;

namespace ServicesSync.Activities.Services.Tests.Finance;

/// <summary>Same source id twice is a duplicate; same worker/project/date/duration from another source is a near-duplicate.</summary>
public class DuplicateTests
{
    [Fact]
    public void SameSourceTwiceInTheBatch_IsADuplicate()
    {
        var result = Validate([Entry("10100", Day(3, 2), 3600), Entry("10100", Day(3, 2), 3600)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal((RateCardRules.Duplicate, "jira:10100", "The entry jira:10100 appears more than once in this batch."), (error.Rule, error.Source, error.Message));
    }

    [Fact]
    public void SourceAlreadyAccepted_IsADuplicate()
    {
        var result = Validate(Entry("10100", Day(3, 2), 3600), r => r with { ExistingEntries = [Entry("10100", Day(3, 2), 3600)] });

        Assert.Equal([RateCardRules.Duplicate], result.ErrorRules());
    }

    [Fact]
    public void SameWorkFromAnotherSource_IsFlaggedAsNearDuplicate()
    {
        var tempo = Entry("tempo-1", Day(3, 2), 3600, e => e with { Source = new ExternalRef("tempo", "884") });
        var jira = Entry("10100", Day(3, 2), 3600 + 240);

        var result = Validate([tempo, jira]);

        Assert.True(result.IsValid);
        Assert.Equal([RateCardRules.NearDuplicate], result.WarningRules());
        Assert.Equal(new ExternalRef("tempo", "884"), result.Lines[1].NearDuplicateOf);
        Assert.Null(result.Lines[0].NearDuplicateOf);
    }

    [Theory]
    [InlineData(3600 + 301, 3, 2)]
    [InlineData(3600, 3, 3)]
    public void DifferentDurationOrDate_IsNotANearDuplicate(long seconds, int month, int day)
    {
        var result = Validate([Entry("1", Day(3, 2), 3600), Entry("2", Day(month, day), seconds)]);

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void NearDuplicateTolerance_IsAnInput()
    {
        var result = Validate([Entry("1", Day(3, 2), 3600), Entry("2", Day(3, 2), 3600 + 540)], r => r with { NearDuplicateMinutes = 10 });

        Assert.Equal([RateCardRules.NearDuplicate], result.WarningRules());
    }

    [Fact]
    public void NearDuplicateOfAnAcceptedEntry_IsFlagged()
    {
        var result = Validate(Entry("2", Day(3, 2), 3600), r => r with { ExistingEntries = [Entry("1", Day(3, 2), 3600)] });

        Assert.Equal(new ExternalRef("jira", "1"), result.Lines[0].NearDuplicateOf);
    }
}
