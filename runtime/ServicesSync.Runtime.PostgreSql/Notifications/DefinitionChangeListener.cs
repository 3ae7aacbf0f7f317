using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ServicesSync.Execution.Triggers;

namespace ServicesSync.Persistence.PostgreSql.Notifications;

/// <summary>
/// Keeps one connection listening on <see cref="DefinitionChanges.Channel"/> and refreshes this
/// node's trigger index when another node (or the designer) publishes or deletes a workflow, so
/// its webhook routes, schedules and event subscriptions follow within a moment instead of at the
/// index's periodic rebuild. A lost connection is re-opened with a growing pause, and the index is
/// refreshed after every reconnect because notifications sent meanwhile are gone. The store's
/// cache of newest versions (<see cref="PublishedCache"/>) is kept only while this listens: it is
/// emptied on every notification, the moment it arrives, and switched off while the connection is
/// down (Npgsql's keepalive finds a dead one within seconds).
/// </summary>
internal sealed partial class DefinitionChangeListener(
    PostgreSqlWorkflowStore store, ITriggerIndex triggers, TimeProvider clock, ILogger<DefinitionChangeListener> logger) : BackgroundService
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
                var changed = 0;
                connection.Notification += (_, _) =>
                {
                    store.Published.Invalidate();
                    Interlocked.Exchange(ref changed, 1);
                };
                await using (var listen = new NpgsqlCommand($"listen {DefinitionChanges.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // From here on every publish that commits is heard, so what is read from now may be kept.
                store.Published.SetListening(true);

                if (!first)
                {
                    LogReconnected(logger, store.Database);
                    await triggers.RefreshAsync(stoppingToken);
                }

                first = false;
                pause = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                    if (Interlocked.Exchange(ref changed, 0) == 1)
                    {
                        await triggers.RefreshAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A listener that dies would leave this node deaf to publishes until restart; it reconnects instead.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the change notifications of {Database}; listening again in {Pause}")]
    private static partial void LogLost(ILogger logger, Exception exception, string database, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening to the change notifications of {Database} again")]
    private static partial void LogReconnected(ILogger logger, string database);
}
