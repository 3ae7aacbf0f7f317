using System.Diagnostics;

namespace ServicesSync.Scripting.Snippets;

/// <summary>
/// When one evaluation must stop: its own timeout or the enclosing batch's deadline, whichever
/// comes first, remembering which one it was so the error can say so.
/// </summary>
internal readonly record struct CallDeadline(long Timestamp, TimeSpan Budget, bool IsBatch)
{
    public static CallDeadline Start(ScriptLimits limits)
    {
        var now = Stopwatch.GetTimestamp();
        var own = now + (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);
        var batch = ScriptBudget.Current;
        return batch is not null && batch.DeadlineTimestamp < own
            ? new CallDeadline(batch.DeadlineTimestamp, batch.EffectiveTotal, true)
            : new CallDeadline(own, limits.Timeout, false);
    }

    public bool HasPassed(long timestamp) => timestamp >= Timestamp;

    public TimeSpan Remaining => Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Timestamp);

    public ScriptBudgetExceededException Exceeded() => IsBatch
        ? new(BudgetKind.BatchTime, $"exceeded the batch time budget of {Budget.TotalMilliseconds:0} ms")
        : new(BudgetKind.Time, $"exceeded its time budget of {Budget.TotalMilliseconds:0} ms");
}
