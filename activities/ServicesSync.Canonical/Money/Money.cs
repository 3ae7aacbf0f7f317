using System.Globalization;
using System.Text.Json.Serialization;
using ServicesSync.Errors;

namespace ServicesSync.Canonical;

/// <summary>
/// An amount in one currency: <c>{ "amount": 1250.50, "currency": "EUR" }</c>. Amounts are
/// decimal, never floating point. Arithmetic across currencies is refused: ServicesSync never
/// converts silently.
/// </summary>
public sealed record Money
{
    [JsonConstructor]
    public Money(decimal amount, string currency)
    {
        // Validates the code once, here, so every Money in the model carries a known currency.
        Canonical.Currency.Get(currency);
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    /// <summary>ISO 4217 code.</summary>
    public string Currency { get; }

    /// <summary>The currency with its minor unit.</summary>
    [JsonIgnore]
    public Currency CurrencyInfo => Canonical.Currency.Get(Currency);

    public static Money Zero(string currency) => new(0m, currency);

    /// <summary>This amount rounded to the currency's minor unit (half away from zero).</summary>
    public Money Rounded() => new(CurrencyInfo.Round(Amount), Currency);

    /// <summary>Whether the amount already has no more decimals than the currency allows.</summary>
    [JsonIgnore]
    public bool IsRounded => CurrencyInfo.Round(Amount) == Amount;

    public Money Add(Money other)
    {
        ArgumentNullException.ThrowIfNull(other);
        EnsureSameCurrency(other);
        return new(Amount + other.Amount, Currency);
    }

    public Money Multiply(decimal factor) => new(Amount * factor, Currency);

    public void EnsureSameCurrency(Money other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw new ServicesSyncException(
                $"Cannot combine {Currency} and {other.Currency} amounts: ServicesSync does not convert currencies.",
                ErrorKind.Validation);
        }
    }

    public static Money operator +(Money left, Money right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Add(right);
    }

    public override string ToString() => $"{Amount.ToString(CultureInfo.InvariantCulture)} {Currency}";
}
