using System.Text.Json.Nodes;
using ServicesSync.Execution.State;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.Events;

internal sealed class EventPublisher(IEventStore store, RuntimeSignals signals, TimeProvider clock) : IEventPublisher
{
    public async Task<OutboxEvent> PublishAsync(string name, JsonNode? payload, string? correlationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var outboxEvent = new OutboxEvent
        {
            Id = InstanceIds.New(clock),
            Name = name,
            CorrelationKey = correlationKey,
            PayloadJson = Message.FromNode(payload).Json,
            CreatedAt = clock.GetUtcNow(),
        };
        await store.AddEventAsync(outboxEvent, cancellationToken);
        signals.EventsPublished();
        return outboxEvent;
    }
}
