using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Instances;

/// <summary>One line of the instance list: no payloads, no engine state.</summary>
internal sealed record InstanceSummaryResponse(
    string Id,
    string WorkflowId,
    int WorkflowVersion,
    InstanceStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    string TriggerActivityId,
    ErrorInfo? Error,
    int IncidentCount,
    int DeadLetterCount,
    string? ParentInstanceId,
    string? ReplayOf,
    string? CorrelationKey)
{
    public static InstanceSummaryResponse From(WorkflowInstance instance) => new(
        instance.Id,
        instance.WorkflowId,
        instance.WorkflowVersion,
        instance.Status,
        instance.CreatedAt,
        instance.UpdatedAt,
        instance.FinishedAt,
        instance.TriggerActivityId,
        instance.Error,
        instance.IncidentCount,
        instance.DeadLetterCount,
        instance.ParentInstanceId,
        instance.ReplayOf,
        instance.CorrelationKey);
}

/// <summary>
/// A page of the list. <see cref="Total"/> is exact when <see cref="TotalExact"/>; otherwise more
/// runs than that match (the store stops counting <see cref="InstanceQuery.DefaultCountLimit"/> past <see cref="Skip"/>).
/// </summary>
internal sealed record InstancePageResponse(IReadOnlyList<InstanceSummaryResponse> Items, int Total, bool TotalExact, int Skip, int Take);

/// <summary>
/// One instance with its payloads as JSON and, when asked for, its journal. The engine's
/// <see cref="WorkflowInstance.StateJson"/> is internal and never leaves the server.
/// </summary>
internal sealed record InstanceResponse(
    InstanceSummaryResponse Instance,
    JsonNode? Input,
    JsonNode? Output,
    JsonNode? Variables,
    IReadOnlyList<JournalEntryResponse>? Journal)
{
    public static InstanceResponse From(WorkflowInstance instance, IReadOnlyList<JournalEntry>? journal) => new(
        InstanceSummaryResponse.From(instance),
        StoredJson.Parse(instance.InputJson),
        StoredJson.Parse(instance.OutputJson),
        StoredJson.Parse(instance.VariablesJson),
        journal?.Select(JournalEntryResponse.From).ToArray());
}

internal sealed record JournalEntryResponse(
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
    string? LoopKey,
    int? ItemIndex)
{
    public static JournalEntryResponse From(JournalEntry entry) => new(
        entry.Sequence,
        entry.Kind,
        entry.ActivityId,
        entry.ActivityType,
        entry.Scope,
        entry.Attempt,
        entry.StartedAt,
        entry.CompletedAt,
        StoredJson.Parse(entry.InputJson),
        StoredJson.Parse(entry.OutputJson),
        entry.Outcomes,
        entry.Error,
        entry.LoopKey,
        entry.ItemIndex);
}

/// <summary>What a start, retry or cancel returns: where to follow the run.</summary>
internal sealed record RunAcceptedResponse(string InstanceId, InstanceStatus Status);
