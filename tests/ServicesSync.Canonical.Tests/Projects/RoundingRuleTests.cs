using ServicesSync.Errors;

namespace ServicesSync.Canonical.Tests;

public class RoundingRuleTests
{
    [Theory]
    [InlineData(6, RoundingMethod.Up, 361, 720)]
    [InlineData(6, RoundingMethod.Down, 719, 360)]
    [InlineData(6, RoundingMethod.Nearest, 539, 360)]
    [InlineData(6, RoundingMethod.Nearest, 540, 720)]
    [InlineData(15, RoundingMethod.Up, 3601, 4500)]
    [InlineData(15, RoundingMethod.Up, 3600, 3600)]
    [InlineData(15, RoundingMethod.Down, 4499, 3600)]
    [InlineData(15, RoundingMethod.Nearest, 4049, 3600)]
    [InlineData(15, RoundingMethod.Nearest, 4050, 4500)]
    [InlineData(30, RoundingMethod.Up, 60, 1800)]
    [InlineData(30, RoundingMethod.Down, 1799, 0)]
    [InlineData(60, RoundingMethod.Nearest, 5400, 7200)]
    [InlineData(60, RoundingMethod.Nearest, 5399, 3600)]
    [InlineData(1, RoundingMethod.Up, 61, 120)]
    public void RoundSeconds_RoundsToWholeIncrements(int minutes, RoundingMethod method, long seconds, long expected)
        => Assert.Equal(expected, new RoundingRule(minutes, method).RoundSeconds(seconds));

    [Fact]
    public void RoundSeconds_UnsupportedIncrement_IsAValidationError()
    {
        var ex = Assert.Throws<ServicesSyncException>(() => new RoundingRule(7, RoundingMethod.Up).RoundSeconds(100));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal("A rounding increment of 7 minutes is not supported; use one of 1, 6, 15, 30, 60.", ex.Message);
    }
}
