using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Execution;
using ServicesSync.Host.Common;
using ServicesSync.Persistence;

namespace ServicesSync.Host.Run;

/// <summary>How a finished <c>run</c> is told: the output on stdout, or the reason on stderr, and the exit code.</summary>
internal static class RunOutcome
{
    private static readonly TimeSpan WaitSlice = TimeSpan.FromMinutes(5);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<WorkflowInstance> WaitForEndAsync(IWorkflowRuntime runtime, string instanceId, CancellationToken cancellationToken)
    {
        // A CLI run has no deadline of its own; the runtime's wait takes one, so wait in slices.
        while (true)
        {
            var instance = await runtime.WaitAsync(instanceId, WaitSlice, cancellationToken);
            if (instance.Status != InstanceStatus.Running)
            {
                return instance;
            }
        }
    }

    public static async Task<int> ReportAsync(
        IServiceProvider services, WorkflowInstance instance, RunSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IWorkflowStore>();
        switch (instance.Status)
        {
            case InstanceStatus.Completed:
                await output.WriteLineAsync(Indent(instance.OutputJson));
                if (instance.DeadLetterCount > 0)
                {
                    await error.WriteLineAsync($"Note: the run parked {instance.DeadLetterCount} message(s) in the dead-letter list:");
                    await ListDeadLettersAsync(store, instance.Id, error, cancellationToken);
                }

                return ExitCodes.Ok;

            case InstanceStatus.Suspended:
                var bookmarks = await store.GetBookmarksAsync(instance.Id, cancellationToken);
                var waits = bookmarks.Count == 0 ? "an event" : string.Join("; ", bookmarks.Select(DescribeBookmark));
                var resume = settings.DataDirectory is null ? "" : $" It resumes under 'servicessync serve --data {settings.DataDirectory}'.";
                await error.WriteLineAsync($"Run suspended: instance {instance.Id} waits on {waits}.{resume}");
                return ExitCodes.RunSuspended;

            default:
                var journal = await store.GetJournalAsync(instance.Id, loopKey: null, cancellationToken);
                var failure = journal.LastOrDefault(e => e.Kind == JournalEntryKind.Faulted);
                var verb = instance.Status == InstanceStatus.Cancelled ? "cancelled" : "faulted";
                var reason = failure is not null
                    ? $"activity '{failure.ActivityId}' ({failure.ActivityType}) failed: {failure.Error?.Message ?? "no message"}"
                    : instance.Error?.Message ?? "no reason recorded";
                await error.WriteLineAsync($"Run {verb}: {reason}");
                await ListDeadLettersAsync(store, instance.Id, error, cancellationToken);
                return ExitCodes.RunFailed;
        }
    }

    /// <summary>
    /// Each open dead letter and incident of the run with its activity and reason, so a consultant
    /// sees why a row was parked without opening the designer.
    /// </summary>
    private static async Task ListDeadLettersAsync(IWorkflowStore store, string instanceId, TextWriter error, CancellationToken cancellationToken)
    {
        foreach (var letter in await store.ListOpenDeadLettersAsync(instanceId, cancellationToken))
        {
            var what = letter.Kind == DeadLetterKind.Incident ? "incident" : "dead letter";
            var scope = string.IsNullOrEmpty(letter.Scope) ? "" : $" [{letter.Scope}]";
            await error.WriteLineAsync($"  {what} {letter.Id} at activity '{letter.ActivityId}'{scope}: {letter.Reason}");
        }
    }

    public static string DescribeBookmark(BookmarkRecord bookmark)
    {
        var what = bookmark.ResumeAt is { } at
            ? $"a timer until {at.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z"
            : bookmark.CorrelationKey is null
                ? $"event '{bookmark.Name}'"
                : $"event '{bookmark.Name}' with correlation key '{bookmark.CorrelationKey}'";
        return $"{what} (activity '{bookmark.ActivityId}', bookmark {bookmark.Id})";
    }

    private static string Indent(string? json)
    {
        if (json is null)
        {
            return "null";
        }

        var node = JsonNode.Parse(json);
        return node is null ? "null" : node.ToJsonString(Indented);
    }
}
