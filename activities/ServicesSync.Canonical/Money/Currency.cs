using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using ServicesSync.Errors;

namespace ServicesSync.Canonical;

/// <summary>
/// An ISO 4217 currency and its minor unit (the number of decimals its amounts are rounded to).
/// The table holds the currencies professional-services firms bill in; an unknown code is an
/// error, never a guess of two decimals, because a wrong minor unit silently misprices invoices
/// (JPY has none, BHD and KWD have three).
/// </summary>
public sealed record Currency(string Code, int MinorUnit)
{
    private static readonly FrozenDictionary<string, Currency> Known = new Currency[]
    {
        new("USD", 2), new("EUR", 2), new("GBP", 2), new("CHF", 2), new("CAD", 2), new("AUD", 2), new("NZD", 2),
        new("SEK", 2), new("NOK", 2), new("DKK", 2), new("PLN", 2), new("CZK", 2), new("HUF", 2), new("RON", 2),
        new("INR", 2), new("CNY", 2), new("HKD", 2), new("SGD", 2), new("ZAR", 2), new("BRL", 2), new("MXN", 2),
        new("AED", 2), new("SAR", 2), new("ILS", 2), new("TRY", 2), new("PHP", 2), new("THB", 2), new("MYR", 2),
        new("JPY", 0), new("KRW", 0), new("ISK", 0), new("CLP", 0), new("VND", 0),
        new("BHD", 3), new("KWD", 3), new("OMR", 3), new("JOD", 3), new("TND", 3),
    }.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>Every code in the table, sorted.</summary>
    public static IReadOnlyList<string> KnownCodes { get; } = [.. Known.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The currency of an upper-case ISO 4217 code; a validation error names an unknown one.</summary>
    public static Currency Get(string code)
        => TryGet(code, out var currency)
            ? currency
            : throw new ServicesSyncException(
                $"'{code}' is not a known ISO 4217 currency code (use upper case, e.g. USD, EUR, JPY; known: {string.Join(", ", KnownCodes)}).",
                ErrorKind.Validation);

    public static bool TryGet(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return code is not null && Known.TryGetValue(code, out currency);
    }

    /// <summary>Rounds <paramref name="amount"/> to this currency's minor unit, half away from zero (commercial rounding).</summary>
    public decimal Round(decimal amount) => Math.Round(amount, MinorUnit, MidpointRounding.AwayFromZero);

    public override string ToString() => Code;
}
