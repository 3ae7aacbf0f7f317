using ServicesSync.Errors;

namespace ServicesSync.Canonical.Tests;

public class CurrencyTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("GBP", 2)]
    [InlineData("CHF", 2)]
    [InlineData("SEK", 2)]
    [InlineData("INR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    public void Get_KnownCode_HasItsIsoMinorUnit(string code, int minorUnit)
        => Assert.Equal(minorUnit, Currency.Get(code).MinorUnit);

    [Theory]
    [InlineData("XYZ")]
    [InlineData("usd")]
    [InlineData("")]
    public void Get_UnknownCode_IsAValidationErrorNamingTheCode(string code)
    {
        var ex = Assert.Throws<ServicesSyncException>(() => Currency.Get(code));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.StartsWith($"'{code}' is not a known ISO 4217 currency code", ex.Message, StringComparison.Ordinal);
        Assert.Contains("JPY", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JPY", "1234.5", "1235")]
    [InlineData("USD", "10.005", "10.01")]
    [InlineData("USD", "-10.005", "-10.01")]
    [InlineData("BHD", "1.23456", "1.235")]
    [InlineData("EUR", "7.124", "7.12")]
    public void Round_RoundsToTheMinorUnitHalfAwayFromZero(string code, string amount, string expected)
        => Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Currency.Get(code).Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
