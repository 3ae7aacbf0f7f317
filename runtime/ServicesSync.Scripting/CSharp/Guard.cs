using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
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
