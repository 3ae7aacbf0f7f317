using System.Text.Json.Nodes;

namespace ServicesSync.Activities;

/// <summary>
/// A named point where a run waits. The engine persists it; a timer (<see cref="ResumeAt"/>),
/// an event with the same <see cref="Name"/> and <see cref="CorrelationKey"/>, or an explicit
/// resume call continues the activity that created it.
/// </summary>
public sealed record Bookmark(
    string Name,
    string? CorrelationKey = null,
    DateTimeOffset? ResumeAt = null,
    JsonNode? Payload = null);

/// <summary>What a suspended activity receives when its bookmark is resumed.</summary>
public sealed record BookmarkResumption(Bookmark Bookmark, JsonNode? Input, bool TimedOut = false);
