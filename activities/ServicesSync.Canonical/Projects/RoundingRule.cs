using ServicesSync.Errors;

namespace ServicesSync.Canonical;

/// <summary>
/// How a project rounds billable time, e.g. up to 15 minutes per line. Raw seconds are always
/// kept beside the rounded value; amounts are rounded to the currency's minor unit afterwards. A project
/// without a rule bills seconds as logged.
/// </summary>
public sealed record RoundingRule(int IncrementMinutes, RoundingMethod Method, RoundingScope Scope = RoundingScope.PerLine)
{
    /// <summary>The increments contracts use: tenths of an hour, quarters, halves and whole hours.</summary>
    public static IReadOnlyList<int> SupportedIncrements { get; } = [1, 6, 15, 30, 60];

    /// <summary>Rounds <paramref name="seconds"/> to a whole number of increments.</summary>
    public long RoundSeconds(long seconds)
    {
        if (!SupportedIncrements.Contains(IncrementMinutes))
        {
            throw new ServicesSyncException(
                $"A rounding increment of {IncrementMinutes} minutes is not supported; use one of {string.Join(", ", SupportedIncrements)}.",
                ErrorKind.Validation);
        }

        var increment = IncrementMinutes * 60L;
        var whole = seconds / increment;
        var remainder = seconds % increment;
        return Method switch
        {
            RoundingMethod.Up => (whole + (remainder > 0 ? 1 : 0)) * increment,
            RoundingMethod.Down => whole * increment,
            _ => (whole + (remainder * 2 >= increment ? 1 : 0)) * increment,
        };
    }
}
