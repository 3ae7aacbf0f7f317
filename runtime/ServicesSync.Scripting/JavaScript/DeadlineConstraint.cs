using System.Diagnostics;
using Jint;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>
/// Jint's own timeout restarts on every call and cannot see a batch; this constraint checks the
/// deadline of the current evaluation (its timeout or the batch's end, whichever is sooner) and its
/// cancellation token. The engine is pooled, so the runner arms it before each call.
/// </summary>
internal sealed class DeadlineConstraint : Constraint
{
    private CallDeadline deadline = new(long.MaxValue, Timeout.InfiniteTimeSpan, false);
    private CancellationToken cancellationToken;

    // Checked every few statements rather than on each one: Stopwatch reads are not free.
    public override bool IsAmortizable => true;

    public void Arm(CallDeadline value, CancellationToken token)
    {
        deadline = value;
        cancellationToken = token;
    }

    public void Disarm() => Arm(new CallDeadline(long.MaxValue, Timeout.InfiniteTimeSpan, false), CancellationToken.None);

    public override void Check()
    {
        if (cancellationToken.IsCancellationRequested)
        {
            throw new ScriptBudgetExceededException(BudgetKind.Cancelled, "was cancelled");
        }

        if (deadline.HasPassed(Stopwatch.GetTimestamp()))
        {
            throw deadline.Exceeded();
        }
    }

    public override void Reset()
    {
        // Armed explicitly per call; Jint's reset between calls must not clear a batch deadline.
    }
}
