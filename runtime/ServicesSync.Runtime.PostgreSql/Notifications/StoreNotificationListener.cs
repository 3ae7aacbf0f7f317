using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ServicesSync.Execution;
using ServicesSync.Execution.Triggers;

namespace ServicesSync.Persistence.PostgreSql.Notifications;

/// <summary>
/// Keeps one connection listening to what the other nodes (and the designer) commit:
/// <see cref="DefinitionChanges"/> refresh this node's trigger index, so its webhook routes,
/// schedules and event subscriptions follow a publish within a moment; <see cref="WorkChanges"/>
/// wake its event dispatcher, its timers or its heartbeat's takeover and cancellation check, so an
/// idle node reacts at once instead of at its next poll. A lost connection is re-opened with a
/// growing pause, and everything is refreshed after a reconnect because notifications sent
/// meanwhile are gone. The store's cache of newest versions (<see cref="PublishedCache"/>) is kept
/// only while this listens: it is emptied on every definition notification, the moment it arrives,
/// and switched off while the connection is down (Npgsql's keepalive finds a dead one within seconds).
/// </summary>
internal sealed partial class StoreNotificationListener(
    PostgreSqlWorkflowStore store,
    ITriggerIndex triggers,
    RuntimeSignals signals,
    TimeProvider clock,
    ILogger<StoreNotificationListener> logger) : BackgroundService
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMilliseconds(250);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.OpenListenerConnectionAsync(stoppingToken);
                string schema;
                await using (var current = new NpgsqlCommand("select current_schema()", connection))
                {
                    schema = (string)(await current.ExecuteScalarAsync(stoppingToken))!;
                }

                var definitionsChanged = 0;
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == DefinitionChanges.Channel)
                    {
                        store.Published.Invalidate();
                        Interlocked.Exchange(ref definitionsChanged, 1);
                    }
                    else if (WorkChanges.KindFor(schema, e.Payload) is { } kind)
                    {
                        Wake(kind);
                    }
                };
                await using (var listen = new NpgsqlCommand($"listen {DefinitionChanges.Channel}; listen {WorkChanges.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // From here on every publish that commits is heard, so what is read from now may be kept.
                store.Published.SetListening(true);

                if (!first)
                {
                    LogReconnected(logger, store.Database);
                    await triggers.RefreshAsync(stoppingToken);
                    WakeAll();
                }

                first = false;
                pause = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                    if (Interlocked.Exchange(ref definitionsChanged, 0) == 1)
                    {
                        await triggers.RefreshAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A listener that dies would leave this node deaf to the others until restart; it reconnects instead.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                // Deaf until the LISTEN is back: publishes meanwhile would go unheard.
                store.Published.SetListening(false);
                LogLost(logger, exception, store.Database, pause);
                await Task.Delay(pause, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
            }
        }

        // A stopped listener hears nothing more.
        store.Published.SetListening(false);
    }

    private void Wake(string kind)
    {
        switch (kind)
        {
            case WorkChanges.Events:
                signals.EventsPublished();
                break;
            case WorkChanges.Timers:
                signals.TimerScheduled();
                break;
            default:
                // Released runs and cancellation requests, and whatever a newer node may send.
                signals.RunsChanged();
                break;
        }
    }

    private void WakeAll()
    {
        signals.EventsPublished();
        signals.TimerScheduled();
        signals.RunsChanged();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the change notifications of {Database}; listening again in {Pause}")]
    private static partial void LogLost(ILogger logger, Exception exception, string database, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening to the change notifications of {Database} again")]
    private static partial void LogReconnected(ILogger logger, string database);
}
