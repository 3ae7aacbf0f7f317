using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// Checks that the compiler injects into C# snippets: at every loop iteration (<see cref="Tick"/>),
/// at every lambda and local function entry (<see cref="EnterFunction"/>), around every size a
/// snippet asks for (<see cref="Size(int)"/>), and in every catch filter (<see cref="CanCatch"/>).
/// Snippets cannot name this type (it is not on the allowlist). Public only because generated
/// code calls it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Guard
{
    [ThreadStatic]
    private static GuardState? current;

    /// <summary>The regular expression timeout injected into every Regex construction and static call.</summary>
    public static TimeSpan RegexTimeout => State.Limits.RegexTimeout;

    private static GuardState State => current ?? throw new InvalidOperationException("Snippet code ran outside an evaluation.");

    public static void Tick()
    {
        var state = State;
        if (state.Blown is { } blown)
        {
            throw blown;
        }

        var ticks = ++state.Ticks;
        if (ticks > state.Limits.MaxStatements)
        {
            throw state.Blow(new(BudgetKind.Statements, $"exceeded its statement budget of {state.Limits.MaxStatements}"));
        }

        // Allocation is checked on every tick: a doubling string outgrows any budget in a few dozen
        // iterations. Time is checked less often; a timestamp read costs more than a counter.
        if (GC.GetAllocatedBytesForCurrentThread() - state.StartAllocatedBytes > state.Limits.MaxMemoryBytes)
        {
            throw state.Blow(new(BudgetKind.Memory, $"exceeded its memory budget of {state.Limits.MaxMemoryBytes} bytes"));
        }

        if ((ticks & 15) == 0)
        {
            CheckTime(state);
        }
    }

    public static void EnterFunction()
    {
        var state = State;
        if (++state.Depth > state.Limits.MaxRecursionDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw state.Blow(new(BudgetKind.Recursion, $"exceeded its recursion limit of {state.Limits.MaxRecursionDepth}"));
        }

        Tick();
    }

    public static void ExitFunction()
    {
        if (current is { } state)
        {
            state.Depth--;
        }
    }

    /// <summary>Guards a count, capacity or length before the snippet allocates that many elements.</summary>
    public static int Size(int count)
    {
        Size((long)count);
        return count;
    }

    public static long Size(long count)
    {
        var state = State;
        if (count > state.Limits.MaxArraySize)
        {
            throw state.Blow(new(BudgetKind.ArraySize, $"asked for {count} elements, more than its limit of {state.Limits.MaxArraySize}"));
        }

        Tick();
        return count;
    }

    /// <summary>
    /// Widest alignment, width or precision a format may ask for (<c>{x,N}</c>, <c>D</c>N, <c>F</c>N):
    /// .NET pads to it in one allocation, so it is bounded here rather than by the memory check.
    /// </summary>
    public const int FormatWidthLimit = 10_000;

    /// <summary>Guards a format string (composite or standard) given at run time.</summary>
    public static string? Format(string? format)
    {
        if (format is not null && LargestNumber(format) > FormatWidthLimit)
        {
            var state = State;
            throw state.Blow(new(BudgetKind.StringLength, $"used a format asking for more than its format width limit of {FormatWidthLimit}"));
        }

        return format;
    }

    /// <summary>The largest run of digits in a format (saturating), which bounds every width and precision in it.</summary>
    public static long LargestNumber(string format)
    {
        long largest = 0, current = 0;
        foreach (var c in format)
        {
            current = char.IsAsciiDigit(c) ? Math.Min((current * 10) + (c - '0'), int.MaxValue) : 0;
            largest = Math.Max(largest, current);
        }

        return largest;
    }

    /// <summary>A sequence handed to a LINQ operator: each element it yields ticks the guard.</summary>
    public static IEnumerable<T> Each<T>(IEnumerable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Ticking(source);
    }

    private static IEnumerable<T> Ticking<T>(IEnumerable<T> source)
    {
        foreach (var item in source)
        {
            Tick();
            yield return item;
        }
    }

    /// <summary><c>string.Concat</c> of any sequence or argument list, measured before it is built.</summary>
    public static string Concat<T>(IEnumerable<T> values) => string.Concat(Measured(values, 0));

    /// <summary>A <c>+</c> of two non-constant parts, one of them a string, measured before it is built.</summary>
    public static string Concat(object? left, object? right)
    {
        var first = left?.ToString();
        var second = right?.ToString();
        Text((long)(first?.Length ?? 0) + (second?.Length ?? 0));
        return string.Concat(first, second);
    }

    /// <summary>An interpolated string built by <see cref="GuardedString"/>, which measured every hole.</summary>
    public static string Interpolate(GuardedString text) => text.ToStringAndClear();

    /// <summary><c>string.Join</c> with a string separator, measured before it is built.</summary>
    public static string Join<T>(string? separator, IEnumerable<T> values) => string.Join(separator, Measured(values, separator?.Length ?? 0));

    /// <summary><c>string.Join</c> with a char separator, measured before it is built.</summary>
    public static string Join<T>(char separator, IEnumerable<T> values) => string.Join(separator, Measured(values, 1));

    /// <summary><c>text.Replace(old, replacement)</c> (ordinal), refused when the result would be longer than the limit.</summary>
    public static string Replace(string text, string oldValue, string? replacement)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(oldValue);
        var growth = (replacement?.Length ?? 0) - oldValue.Length;
        if (growth > 0 && text.Length + ((long)growth * (text.Length / oldValue.Length)) > State.Limits.MaxStringLength)
        {
            long count = 0;
            for (var at = text.IndexOf(oldValue, StringComparison.Ordinal); at >= 0; at = text.IndexOf(oldValue, at + oldValue.Length, StringComparison.Ordinal))
            {
                count++;
            }

            Text(text.Length + (growth * count));
        }

        return text.Replace(oldValue, replacement);
    }

    /// <summary>A StringBuilder whose maximum capacity is the string limit (it throws before growing past it).</summary>
    public static StringBuilder Builder() => new(0, State.Limits.MaxStringLength);

    public static StringBuilder Builder(int capacity) => new(Math.Min(capacity, State.Limits.MaxStringLength), State.Limits.MaxStringLength);

    public static StringBuilder Builder(int capacity, int maxCapacity) => new(Math.Min(capacity, State.Limits.MaxStringLength), Math.Min(maxCapacity, State.Limits.MaxStringLength));

    public static StringBuilder Builder(string? value) => Builder(value, 16);

    public static StringBuilder Builder(string? value, int capacity)
    {
        Text(value?.Length ?? 0);
        return Builder(Math.Max(capacity, value?.Length ?? 0)).Append(value);
    }

    public static StringBuilder Builder(string? value, int startIndex, int length, int capacity) => Builder(capacity).Append(value, startIndex, length);

    private static IEnumerable<string?> Measured<T>(IEnumerable<T> values, int separatorLength)
    {
        ArgumentNullException.ThrowIfNull(values);
        long total = 0;
        var first = true;
        foreach (var value in values)
        {
            Tick();
            var text = value?.ToString();
            total += (text?.Length ?? 0) + (first ? 0 : separatorLength);
            first = false;
            Text(total);
            yield return text;
        }
    }

    internal static void Text(long length)
    {
        var state = State;
        if (length > state.Limits.MaxStringLength)
        {
            throw state.Blow(new(BudgetKind.StringLength, $"asked for a string of {length} characters, more than its limit of {state.Limits.MaxStringLength} (Limits.MaxStringLength)"));
        }
    }

    /// <summary>False once a budget is blown, so that <c>catch</c> in a snippet cannot swallow the stop.</summary>
    public static bool CanCatch() => current is not { Blown: not null };

    internal static GuardState? Install(GuardState? state)
    {
        var previous = current;
        current = state;
        return previous;
    }

    private static void CheckTime(GuardState state)
    {
        if (state.CancellationToken.IsCancellationRequested)
        {
            throw state.Blow(new(BudgetKind.Cancelled, "was cancelled"));
        }

        if (state.Deadline.HasPassed(Stopwatch.GetTimestamp()))
        {
            throw state.Blow(state.Deadline.Exceeded());
        }
    }
}
