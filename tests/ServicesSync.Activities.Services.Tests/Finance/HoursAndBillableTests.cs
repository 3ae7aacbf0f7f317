using ServicesSync.Activities.Services.Finance;
using ServicesSync.Canonical;
using static ServicesSync.Activities.Services.Tests.Finance.FinanceMother;

namespace ServicesSync.Activities.Services.Tests.Finance;

/// <summary>Daily hour limits (soft warns, hard fails) and the billable rules.</summary>
public class HoursAndBillableTests
{
    private static Func<RateCardValidationRequest, RateCardValidationRequest> Limits(decimal? soft, decimal? hard)
        => r => r with { Project = Project(p => p with { DailyHourLimits = new HourLimits(soft, hard) }) };

    [Fact]
    public void DailyHours_AboveSoft_IsAWarningAndStaysValid()
    {
        var result = Validate([Entry("1", Day(3, 2), 5 * 3600), Entry("2", Day(3, 2), 4 * 3600)], Limits(8, 12));

        Assert.True(result.IsValid);
        Assert.Equal([RateCardRules.DailyHours, RateCardRules.DailyHours], result.WarningRules());
        Assert.Equal("Worker jira:ada logged 9 h on 2026-03-02, above the soft limit of 8 h.", result.Warnings[0].Message);
    }

    [Fact]
    public void DailyHours_AboveHard_FailsEveryEntryOfThatDayOnly()
    {
        var result = Validate([Entry("1", Day(3, 2), 7 * 3600), Entry("2", Day(3, 2), 6 * 3600), Entry("3", Day(3, 3), 8 * 3600)], Limits(8, 12));

        Assert.Equal(["jira:1", "jira:2"], result.Errors.Where(e => e.Rule == RateCardRules.DailyHours).Select(e => e.Source));
        Assert.Equal("Worker jira:ada logged 13 h on 2026-03-02, above the hard limit of 12 h.", result.Errors[0].Message);
    }

    [Fact]
    public void DailyHours_CountEntriesAlreadyAccepted()
    {
        var result = Validate(Entry("2", Day(3, 2), 4 * 3600), r => Limits(null, 10)(r) with { ExistingEntries = [Entry("1", Day(3, 2), 7 * 3600)] });

        Assert.Equal([RateCardRules.DailyHours], result.ErrorRules());
    }

    [Fact]
    public void DailyHours_InputOverridesTheProjectLimits()
    {
        var result = Validate(Entry("1", Day(3, 2), 9 * 3600), r => Limits(8, 12)(r) with { DailyHourLimits = new HourLimits(Hard: 8) });

        Assert.Equal([RateCardRules.DailyHours], result.ErrorRules());
    }

    [Fact]
    public void DailyHours_UseTheLocalWorkDate()
    {
        // 23:30 local on 1 March is 2 March in UTC; it must count toward 1 March.
        var late = Entry("1", Day(3, 1), 3 * 3600, e => e with { StartedAt = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(-6)) });
        var nextMorning = Entry("2", Day(3, 2), 7 * 3600);

        Assert.True(Validate([late, nextMorning], Limits(null, 8)).IsValid);
    }

    [Fact]
    public void Billable_MoreThanLogged_IsAnError()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600, e => e with { BillableSeconds = 3700 }));

        Assert.Equal([RateCardRules.Billable], result.ErrorRules());
        Assert.Equal("Billable time (3700 s) exceeds the logged time (3600 s).", result.Errors[0].Message);
    }

    [Fact]
    public void Billable_NotGiven_BillsAllLoggedTime()
        => Assert.Equal(3600, Validate(Entry("1", Day(3, 2), 3600)).Lines[0].RawSeconds);

    [Fact]
    public void Billable_ExplicitSecondsAreBilledAsGiven()
        => Assert.Equal(1800, Validate(Entry("1", Day(3, 2), 3600, e => e with { BillableSeconds = 1800 })).Lines[0].RawSeconds);

    [Fact]
    public void Billable_OnANonBillableProject_IsAnErrorWhenMarkedBillable()
    {
        var nonBillable = (Func<RateCardValidationRequest, RateCardValidationRequest>)(r => r with { Project = Project(p => p with { BillingType = BillingType.NonBillable }) });

        var marked = Validate(Entry("1", Day(3, 2), 3600, e => e with { BillableSeconds = 3600 }), nonBillable);
        var unmarked = Validate(Entry("2", Day(3, 2), 3600), nonBillable);

        Assert.Equal("3600 s are marked billable, but project 'Acme ERP rollout' is non-billable.", Assert.Single(marked.Errors).Message);
        Assert.True(unmarked.IsValid);
        Assert.Equal(0, unmarked.Lines[0].RawSeconds);
    }

    [Theory]
    [InlineData(TimeEntryType.Leave)]
    [InlineData(TimeEntryType.Internal)]
    public void Billable_LeaveAndInternalTime_AreNeverBillable(TimeEntryType type)
    {
        var result = Validate(Entry("1", Day(3, 2), 3600, e => e with { Type = type, BillableSeconds = 600 }));

        Assert.Equal([RateCardRules.Billable], result.ErrorRules());
        Assert.Null(result.Lines[0].Amount);
    }

    [Fact]
    public void Billable_OnANonBillableTask_IsNotPriced()
    {
        var task = new ProjectTask { Refs = [Migration], Project = AcmeProject, Name = "Internal training", Billable = false };

        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { Tasks = [task] });

        Assert.True(result.IsValid);
        Assert.Equal((0L, (Money?)null), (result.Lines[0].RawSeconds, result.Lines[0].Amount));
    }

    [Fact]
    public void FixedFeeProject_TimeIsValidatedButNotPriced()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { Project = Project(p => p with { BillingType = BillingType.FixedFee }) });

        Assert.True(result.IsValid);
        Assert.Equal([RateCardRules.NotPriced], result.WarningRules());
        Assert.Null(result.TotalAmount);
        Assert.Null(result.Lines[0].Rate);
    }

    [Fact]
    public void NegativeDuration_IsAnError()
        => Assert.Contains(RateCardRules.Duration, Validate(Entry("1", Day(3, 2), -60)).ErrorRules());
}
