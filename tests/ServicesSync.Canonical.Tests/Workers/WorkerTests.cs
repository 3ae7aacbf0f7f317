namespace ServicesSync.Canonical.Tests;

public class WorkerTests
{
    [Theory]
    [InlineData("2021-01-04", true)]
    [InlineData("2023-06-30", true)]
    [InlineData("2023-07-01", false)]
    [InlineData("2025-02-02", false)]
    [InlineData("2025-02-03", true)]
    [InlineData("2030-01-01", true)]
    [InlineData("2020-12-31", false)]
    public void IsEmployedOn_FollowsEveryPeriodIncludingRehire(string date, bool employed)
        => Assert.Equal(employed, CanonicalMother.Worker().IsEmployedOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void IsEmployedOn_UnknownPeriods_IsNull()
        => Assert.Null(new Worker().IsEmployedOn(new DateOnly(2026, 1, 1)));

    [Fact]
    public void IsIdentifiedBy_MatchesCanonicalIdAndRefsOnly()
    {
        var worker = CanonicalMother.Worker();

        Assert.True(worker.IsIdentifiedBy(ExternalRef.Canonical("wrk-0001")));
        Assert.True(worker.IsIdentifiedBy(new ExternalRef("bamboohr", "123")));
        Assert.False(worker.IsIdentifiedBy(new ExternalRef("bamboohr", "1234")));
        Assert.False(worker.IsIdentifiedBy(new ExternalRef("workday", "wrk-0001")));
    }

    [Fact]
    public void CostRateOn_PicksTheRateEffectiveThatDay()
    {
        var worker = CanonicalMother.Worker();

        Assert.Equal(85.5m, worker.CostRateOn(new DateOnly(2026, 1, 1))!.HourlyCost.Amount);
        Assert.Null(worker.CostRateOn(new DateOnly(2024, 1, 1)));
    }
}
