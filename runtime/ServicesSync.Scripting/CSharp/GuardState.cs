using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.CSharp;

/// <summary>The budget of one C# evaluation, read by <see cref="Guard"/> on the evaluating thread.</summary>
internal sealed class GuardState(ScriptLimits limits, CallDeadline deadline, CancellationToken cancellationToken)
{
    public long Ticks;
    public int Depth;

    public ScriptLimits Limits { get; } = limits;

    public CallDeadline Deadline { get; } = deadline;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public long StartAllocatedBytes { get; } = GC.GetAllocatedBytesForCurrentThread();

    /// <summary>Set once a bound is hit; from then on every guard throws again and no catch may swallow it.</summary>
    public ScriptBudgetExceededException? Blown { get; private set; }

    public ScriptBudgetExceededException Blow(ScriptBudgetExceededException exception)
    {
        Blown ??= exception;
        return Blown;
    }
}
