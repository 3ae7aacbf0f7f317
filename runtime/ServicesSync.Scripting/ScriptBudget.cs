using System.Diagnostics;

namespace ServicesSync.Scripting;

/// <summary>
/// A deadline over many evaluations. Each evaluation has its own timeout (which restarts on every
/// call), so a for-each or bulk path that runs a snippet per record opens a batch to bound the
/// whole: <c>using (ScriptBudget.BeginBatch(options.Limits.BatchDeadline)) { ... }</c>. Evaluations
/// started inside the scope, on any thread it flows to, stop at whichever comes first.
/// </summary>
public static class ScriptBudget
{
    private static readonly AsyncLocal<ScriptBatch?> CurrentBatch = new();

    /// <summary>The innermost open batch of this async flow, if any.</summary>
    public static ScriptBatch? Current => CurrentBatch.Value;

    /// <summary>Opens a batch lasting <paramref name="total"/>; dispose it to close it.</summary>
    public static ScriptBatch BeginBatch(TimeSpan total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(total, TimeSpan.Zero);
        return Begin(total, total);
    }

    /// <summary>
    /// Continues a batch begun elsewhere (a worker process continuing its host's batch): it ends
    /// after <paramref name="remaining"/>, and errors name the batch's <paramref name="total"/>.
    /// </summary>
    internal static ScriptBatch Continue(TimeSpan remaining, TimeSpan total)
        => Begin(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1), total);

    private static ScriptBatch Begin(TimeSpan length, TimeSpan total)
    {
        var parent = CurrentBatch.Value;
        var batch = new ScriptBatch(length, total, parent, static b => CurrentBatch.Value = b);
        CurrentBatch.Value = batch;
        return batch;
    }
}

/// <summary>An open batch deadline; see <see cref="ScriptBudget"/>.</summary>
public sealed class ScriptBatch : IDisposable
{
    private readonly ScriptBatch? parent;
    private readonly Action<ScriptBatch?> restore;

    internal ScriptBatch(TimeSpan length, TimeSpan total, ScriptBatch? parent, Action<ScriptBatch?> restore)
    {
        this.parent = parent;
        this.restore = restore;
        Total = total;

        // Budgets measure real execution time, so they use the monotonic clock, never the
        // injected TimeProvider: a fake clock in a test must not make a runaway loop immortal.
        var own = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        DeadlineTimestamp = parent is null ? own : Math.Min(own, parent.DeadlineTimestamp);
    }

    public TimeSpan Total { get; }

    /// <summary>Time left before evaluations in this batch are stopped.</summary>
    public TimeSpan Remaining => Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), DeadlineTimestamp) is var left && left > TimeSpan.Zero
        ? left
        : TimeSpan.Zero;

    internal long DeadlineTimestamp { get; }

    /// <summary>The budget that decides the deadline when batches nest: this one or an outer one.</summary>
    internal TimeSpan EffectiveTotal => parent is not null && parent.DeadlineTimestamp <= DeadlineTimestamp ? parent.EffectiveTotal : Total;

    public void Dispose() => restore(parent);
}
