using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Designer.Design.TestRuns;

/// <summary>
/// The result of a test run: the run's status and output, and every journal entry with its input
/// and output, so the designer can show each node's data. <see cref="Pinned"/> lists the
/// activities that returned their pinned output instead of running.
/// </summary>
internal sealed record TestRunResponse(
    string InstanceId,
    InstanceStatus Status,
    JsonNode? Output,
    ErrorInfo? Error,
    IReadOnlyList<string> Pinned,
    IReadOnlyList<TestRunJournalEntry> Journal);

internal sealed record TestRunJournalEntry(
    long Sequence,
    JournalEntryKind Kind,
    string ActivityId,
    string ActivityType,
    string Scope,
    int Attempt,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    JsonNode? Input,
    JsonNode? Output,
    IReadOnlyList<string> Outcomes,
    ErrorInfo? Error,
    int? ItemIndex)
{
    public static TestRunJournalEntry From(JournalEntry entry) => new(
        entry.Sequence,
        entry.Kind,
        entry.ActivityId,
        entry.ActivityType,
        entry.Scope,
        entry.Attempt,
        entry.StartedAt,
        entry.CompletedAt,
        Parse(entry.InputJson),
        Parse(entry.OutputJson),
        entry.Outcomes,
        entry.Error,
        entry.ItemIndex);

    private static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
