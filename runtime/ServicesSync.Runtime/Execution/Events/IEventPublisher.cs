using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.Events;

/// <summary>Publishes a business event from outside a run (the HTTP API, a connector callback).</summary>
public interface IEventPublisher
{
    Task<OutboxEvent> PublishAsync(string name, JsonNode? payload, string? correlationKey, CancellationToken cancellationToken);
}
