using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.Timers;

/// <summary>
/// Resumes runs whose bookmark time has come (delays, wait-until, event timeouts). The bookmark's
/// time is in the store, so a timer survives any restart; one that came due while the runtime was
/// down fires at the next start.
/// </summary>
internal sealed class TimerDispatcher(IInstanceStore store, WorkflowRuntime runtime, TimeProvider clock)
{
    private const int BatchSize = 100;

    /// <summary>Resumes every due bookmark; returns how many.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.ListDueBookmarksAsync(clock.GetUtcNow(), BatchSize, cancellationToken);
        foreach (var bookmark in due)
        {
            try
            {
                await runtime.ResumeBookmarkAsync(bookmark, Execution.State.Message.Parse(bookmark.PayloadJson ?? "null"), timedOut: true, cancellationToken);
            }
            catch (Exception ex) when (ex is NotFoundException or ConflictException)
            {
                // Resumed by its event meanwhile, or the run ended: nothing to fire.
            }
            catch (ServicesSyncException ex) when (ex.Retryable)
            {
                // Another node is driving the run right now (it reached the same timer first), or the
                // store blinked: the bookmark stays due and the next pass tries again; the rest of
                // this batch must not wait for it.
            }
        }

        return due.Count;
    }

    /// <summary>When the next timer is due, if any.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var next = await store.ListDueBookmarksAsync(DateTimeOffset.MaxValue, 1, cancellationToken);
        return next.Count == 0 ? null : next[0].ResumeAt;
    }
}
