using Microsoft.Extensions.Logging;
using ServicesSync.Errors;
using ServicesSync.Execution.State;
using ServicesSync.Execution.Triggers;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.Events;

/// <summary>
/// Delivers outbox events: starts every active workflow with a <c>core.event</c> trigger for the
/// event's name, resumes every run waiting for it with the same correlation key, then marks it
/// dispatched. Each subscriber's run id derives from the event id, so a dispatch repeated after a
/// crash starts nobody twice; a resumed bookmark is gone, so nobody is resumed twice either.
/// </summary>
internal sealed class EventDispatcher(
    IWorkflowStore store,
    ITriggerIndex triggers,
    WorkflowRuntime runtime,
    TimeProvider clock,
    ILogger<EventDispatcher> logger)
{
    private const int BatchSize = 100;

    /// <summary>Dispatches pending events; returns how many.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await store.ListPendingEventsAsync(BatchSize, cancellationToken);
        foreach (var outboxEvent in pending)
        {
            await DispatchAsync(outboxEvent, cancellationToken);
            await store.MarkEventDispatchedAsync(outboxEvent.Id, clock.GetUtcNow(), cancellationToken);
        }

        return pending.Count;
    }

    /// <summary>Delivers one event; safe to repeat (what happens when the process dies before it is marked).</summary>
    internal async Task DispatchAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        foreach (var subscriber in await triggers.GetAsync(PlatformActivityTypes.EventTrigger, cancellationToken))
        {
            if (subscriber.Input("name") != outboxEvent.Name)
            {
                continue;
            }

            try
            {
                await runtime.StartAsync(
                    new StartRunRequest
                    {
                        WorkflowId = subscriber.WorkflowId,
                        Version = subscriber.Version,
                        TriggerActivityId = subscriber.Trigger.Id,
                        Input = Message.Parse(outboxEvent.PayloadJson),
                        InstanceId = $"{outboxEvent.Id}.{subscriber.WorkflowId}",
                        CorrelationKey = outboxEvent.CorrelationKey,
                    },
                    cancellationToken);
            }
            catch (ServicesSyncException ex) when (!ex.Retryable)
            {
                EventLog.SubscriberNotStarted(logger, ex, outboxEvent.Name, outboxEvent.Id, subscriber.WorkflowId);
            }
        }

        var waiting = await store.FindBookmarksAsync(PlatformActivityTypes.EventBookmark(outboxEvent.Name), outboxEvent.CorrelationKey, cancellationToken);
        foreach (var bookmark in waiting.Where(b => b.CorrelationKey == outboxEvent.CorrelationKey))
        {
            try
            {
                await runtime.ResumeBookmarkAsync(bookmark, Message.Parse(outboxEvent.PayloadJson), timedOut: false, cancellationToken);
            }
            catch (Exception ex) when (ex is NotFoundException or ConflictException)
            {
                // Resumed or ended meanwhile (a timeout won the race): nothing waits any more.
            }
        }
    }
}

internal static partial class EventLog
{
    [LoggerMessage(20, LogLevel.Warning, "Event {EventName} ({EventId}) could not start subscriber {WorkflowId}")]
    public static partial void SubscriberNotStarted(ILogger logger, Exception exception, string eventName, string eventId, string workflowId);

    [LoggerMessage(21, LogLevel.Error, "Dispatching events failed; retrying shortly")]
    public static partial void DispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(22, LogLevel.Error, "Firing due timers failed; retrying shortly")]
    public static partial void TimersFailed(ILogger logger, Exception exception);
}
