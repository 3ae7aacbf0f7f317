using System.Text.Json.Nodes;
using ServicesSync.Api.Instances;
using ServicesSync.Persistence;

namespace ServicesSync.Api.DeadLetters;

internal sealed record DeadLetterResponse(
    string Id,
    DeadLetterKind Kind,
    DeadLetterStatus Status,
    string InstanceId,
    string WorkflowId,
    int WorkflowVersion,
    string ActivityId,
    string Scope,
    string Reason,
    ErrorInfo? Error,
    JsonNode? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt)
{
    public static DeadLetterResponse From(DeadLetterEntry entry) => new(
        entry.Id,
        entry.Kind,
        entry.Status,
        entry.InstanceId,
        entry.WorkflowId,
        entry.WorkflowVersion,
        entry.ActivityId,
        entry.Scope,
        entry.Reason,
        entry.Error,
        StoredJson.Parse(entry.MessageJson),
        entry.CreatedAt,
        entry.ClosedAt);
}

internal sealed record DeadLetterPageResponse(IReadOnlyList<DeadLetterResponse> Items, int Skip, int Take);

/// <summary>The run that took over a dead-lettered piece of work.</summary>
internal sealed record DeadLetterRetryResponse(string DeadLetterId, string InstanceId, InstanceStatus Status);
