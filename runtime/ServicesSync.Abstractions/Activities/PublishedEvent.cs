using System.Text.Json.Nodes;

namespace ServicesSync.Activities;

/// <summary>A business event an activity published; see <see cref="ActivityContext.PublishEvent"/>.</summary>
public sealed record PublishedEvent(string Name, JsonNode? Payload, string? CorrelationKey);
