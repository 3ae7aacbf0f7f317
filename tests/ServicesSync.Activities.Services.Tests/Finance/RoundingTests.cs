using ServicesSync.Canonical;
using static ServicesSync.Activities.Services.Tests.Finance.FinanceMother;

namespace ServicesSync.Activities.Services.Tests.Finance;

/// <summary>Per-project rounding: unit and method, per line or on the total; raw hours are always kept.</summary>
public class RoundingTests
{
    private static readonly TimeEntry[] ThreeShortEntries = [Entry("1", Day(3, 2), 600), Entry("2", Day(3, 3), 600), Entry("3", Day(3, 4), 600)];

    private static Func<Canonical.Project, Canonical.Project> Rounding(int minutes, RoundingMethod method, RoundingScope scope)
        => p => p with { Rounding = new RoundingRule(minutes, method, scope) };

    [Fact]
    public void PerLine_EachEntryIsRoundedThenSummed()
    {
        var result = Validate(ThreeShortEntries, r => r with { Project = Project(Rounding(15, RoundingMethod.Up, RoundingScope.PerLine)) });

        Assert.All(result.Lines, l => Assert.Equal((600L, 900L, 0.25m, 45m), (l.RawSeconds, l.BilledSeconds, l.BilledHours, l.Amount!.Amount)));
        Assert.Equal(1800, result.TotalRawSeconds);
        Assert.Equal(2700, result.TotalBilledSeconds);
        Assert.Equal(new Money(135m, "USD"), result.TotalAmount);
    }

    [Fact]
    public void OnTotal_RawTimeIsSummedThenRoundedOnce()
    {
        var result = Validate(ThreeShortEntries, r => r with { Project = Project(Rounding(15, RoundingMethod.Up, RoundingScope.Total)) });

        Assert.All(result.Lines, l => Assert.Equal((600L, 600L), (l.RawSeconds, l.BilledSeconds)));
        Assert.Equal(1800, result.TotalBilledSeconds);
        Assert.Equal(new Money(90m, "USD"), result.TotalAmount);
    }

    [Fact]
    public void OnTotal_EachRateIsRoundedSeparately()
    {
        var architect = Entry("4", Day(3, 5), 600, e => e with { Role = "Architect" });

        var result = Validate([.. ThreeShortEntries, architect], r => r with { Project = Project(Rounding(15, RoundingMethod.Up, RoundingScope.Total)) });

        // 30 min at 180 and 10 min → 15 min at 200.
        Assert.Equal(2700, result.TotalBilledSeconds);
        Assert.Equal(new Money(140m, "USD"), result.TotalAmount);
    }

    [Theory]
    [InlineData(6, RoundingMethod.Up, 1000, 1080)]
    [InlineData(6, RoundingMethod.Down, 1000, 720)]
    [InlineData(6, RoundingMethod.Nearest, 1000, 1080)]
    [InlineData(30, RoundingMethod.Nearest, 2600, 1800)]
    [InlineData(60, RoundingMethod.Up, 60, 3600)]
    [InlineData(60, RoundingMethod.Down, 3599, 0)]
    public void PerLine_UnitAndMethod(int minutes, RoundingMethod method, long seconds, long billed)
    {
        var result = Validate(Entry("1", Day(3, 2), seconds), r => r with { Project = Project(Rounding(minutes, method, RoundingScope.PerLine)) });

        Assert.Equal((seconds, billed), (result.Lines[0].RawSeconds, result.Lines[0].BilledSeconds));
        Assert.Equal(Math.Round(billed * 180m / 3600m, 2), result.Lines[0].Amount!.Amount);
    }

    [Fact]
    public void NoRule_BillsSecondsAsLoggedAndKeepsRawHours()
    {
        var line = Validate(Entry("1", Day(3, 2), 3599)).Lines[0];

        Assert.Equal((3599L, 3599L), (line.RawSeconds, line.BilledSeconds));
        Assert.Equal(0.999722m, line.RawHours);
        Assert.Equal(new Money(179.95m, "USD"), line.Amount);
    }

    [Fact]
    public void Rounding_AppliesToBillableSecondsNotLoggedTime()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600, e => e with { BillableSeconds = 1200 }), r => r with { Project = Project(Rounding(30, RoundingMethod.Up, RoundingScope.PerLine)) });

        Assert.Equal((1200L, 1800L), (result.Lines[0].RawSeconds, result.Lines[0].BilledSeconds));
    }
}
