using System.Text.Json.Nodes;

namespace ServicesSync.Activities;

/// <summary>
/// What an execution of an activity produced. Failures are exceptions
/// (<see cref="Errors.ServicesSyncException"/>), so that retry policies see them.
/// </summary>
public abstract record ActivityResult
{
    private static readonly string[] DoneOnly = [ActivityOutcomes.Done];

    /// <summary>Completes with <paramref name="output"/> on the <c>done</c> outcome.</summary>
    public static ActivityResult Done(JsonNode? output = null) => new CompletedResult(output, DoneOnly);

    /// <summary>Completes with <paramref name="output"/> on one named outcome.</summary>
    public static ActivityResult Outcome(string outcome, JsonNode? output = null) => new CompletedResult(output, [outcome]);

    /// <summary>Completes on several outcomes at once; every connection of each is followed.</summary>
    public static ActivityResult Outcomes(JsonNode? output, params string[] outcomes) => new CompletedResult(output, outcomes);

    /// <summary>Suspends the run here until the bookmark is resumed.</summary>
    public static ActivityResult Suspend(Bookmark bookmark) => new SuspendedResult(bookmark);

    /// <summary>Ends this path and parks the message in the dead-letter list with a reason.</summary>
    public static ActivityResult DeadLetter(string reason, JsonNode? message) => new DeadLetteredResult(reason, message);

    /// <summary>Runs the activity's <c>body</c> outcome once per item, at most <paramref name="parallelism"/> at a time.</summary>
    public static ActivityResult Iterate(JsonArray items, int parallelism) => new IterateResult(items, parallelism);

    /// <summary>Starts a published workflow as a child run and continues with its output.</summary>
    public static ActivityResult CallWorkflow(string workflowId, int? version, JsonNode? input)
        => new CallWorkflowResult(workflowId, version, input);
}

public sealed record CompletedResult(JsonNode? Output, IReadOnlyList<string> OutcomeNames) : ActivityResult;

public sealed record SuspendedResult(Bookmark Bookmark) : ActivityResult;

public sealed record DeadLetteredResult(string Reason, JsonNode? Message) : ActivityResult;

public sealed record IterateResult(JsonArray Items, int Parallelism) : ActivityResult;

public sealed record CallWorkflowResult(string WorkflowId, int? Version, JsonNode? Input) : ActivityResult;
