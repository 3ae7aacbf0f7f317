namespace ServicesSync.Scripting;

/// <summary>What one evaluation of a snippet may use. Both languages enforce the same numbers.</summary>
public sealed class ScriptLimits
{
    /// <summary>Wall-clock time of one evaluation.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Statements (JavaScript) or loop iterations and function entries (C#) of one evaluation: a
    /// second, deterministic bound beside the timeout.
    /// </summary>
    public int MaxStatements { get; set; } = 10_000_000;

    /// <summary>Bytes one evaluation may allocate (measured per thread, so concurrent runs do not interfere).</summary>
    public long MaxMemoryBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Nesting depth of function calls.</summary>
    public int MaxRecursionDepth { get; set; } = 200;

    /// <summary>Largest array, list capacity or repeated string a snippet may create in one step.</summary>
    public int MaxArraySize { get; set; } = 4_000_000;

    /// <summary>
    /// Longest string a built-in may produce in one call (JavaScript <c>repeat</c>, <c>padStart</c>,
    /// <c>replace</c>, <c>join</c>, ...; C# <c>string.Concat</c>/<c>Join</c>, <c>Replace</c>,
    /// <c>StringBuilder</c> growth), checked before the string is built.
    /// </summary>
    public int MaxStringLength { get; set; } = 16_000_000;

    /// <summary>
    /// Size of a returned value as it is converted to JSON: one per value plus the characters of
    /// every string and property name. Conversion stops as soon as it is passed.
    /// </summary>
    public long MaxResultSize { get; set; } = 16_000_000;

    /// <summary>Time one regular expression match may take before it is abandoned (ReDoS).</summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Total time for a batch; the for-each and bulk paths pass it to <see cref="ScriptBudget.BeginBatch(TimeSpan)"/>.</summary>
    public TimeSpan BatchDeadline { get; set; } = TimeSpan.FromMinutes(5);

    internal ScriptLimits Clone() => (ScriptLimits)MemberwiseClone();
}
