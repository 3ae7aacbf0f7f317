using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServicesSync.Execution.Triggers;

namespace ServicesSync.Triggers.FileDrop;

/// <summary>
/// Watches the folder of every published <c>core.fileDrop</c> trigger. File-system notifications
/// wake it early; a periodic rescan catches what they miss (network shares, overflowed buffers,
/// files dropped while the runtime was down).
/// </summary>
internal sealed partial class FileDropService(
    ITriggerIndex index,
    FileDropProcessor processor,
    TriggerOptions options,
    TimeProvider clock,
    ILogger<FileDropService> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly Dictionary<string, FileSystemWatcher> watchers = new(StringComparer.Ordinal);
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);

    public override void Dispose()
    {
        index.Changed -= OnWake;
        foreach (var watcher in watchers.Values)
        {
            watcher.Dispose();
        }

        wake.Dispose();
        base.Dispose();
    }

    /// <summary>One pass over every drop folder; returns whether a file was still being written. Public for tests.</summary>
    public async Task<bool> ScanAllAsync(CancellationToken cancellationToken)
    {
        var drops = new List<FileDropSettings>();
        foreach (var binding in await index.GetAsync(TriggerTypes.FileDrop, cancellationToken))
        {
            if (FileDropSettings.TryFrom(binding, options, out var problem) is { } drop)
            {
                drops.Add(drop);
            }
            else if (reported.Add($"{binding.WorkflowId}/{binding.Version}/{binding.Trigger.Id}"))
            {
                LogUnusable(logger, binding.WorkflowId, binding.Trigger.Id, problem ?? "");
            }
        }

        Watch(drops);
        var unsettled = false;
        foreach (var drop in drops)
        {
            try
            {
                Directory.CreateDirectory(drop.Directory);
                unsettled |= processor.Scan(drop, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogScanFailed(logger, drop.Directory, e.Message);
            }
        }

        return unsettled;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        index.Changed += OnWake;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.FileDropRescanInterval;
            try
            {
                if (await ScanAllAsync(stoppingToken) && options.FileDropSettleTime < wait)
                {
                    wait = options.FileDropSettleTime;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPassFailed(logger, e);
            }

            using var timeout = new CancellationTokenSource(wait, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
            try
            {
                await wake.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                // Rescan time, or stopping.
            }
        }
    }

    private void Watch(List<FileDropSettings> drops)
    {
        var wanted = drops.ToDictionary(d => d.Directory + "\n" + d.Pattern, StringComparer.Ordinal);
        foreach (var stale in watchers.Keys.Where(k => !wanted.ContainsKey(k)).ToList())
        {
            watchers.Remove(stale, out var watcher);
            watcher!.Dispose();
        }

        foreach (var (key, drop) in wanted.Where(w => !watchers.ContainsKey(w.Key)))
        {
            try
            {
                Directory.CreateDirectory(drop.Directory);
                var watcher = new FileSystemWatcher(drop.Directory, drop.Pattern) { IncludeSubdirectories = false };
                watcher.Created += (_, _) => OnWake(this, EventArgs.Empty);
                watcher.Renamed += (_, _) => OnWake(this, EventArgs.Empty);
                watcher.Changed += (_, _) => OnWake(this, EventArgs.Empty);
                watcher.EnableRaisingEvents = true;
                watchers[key] = watcher;
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // The periodic rescan still covers the folder.
                LogScanFailed(logger, drop.Directory, e.Message);
            }
        }
    }

    private void OnWake(object? sender, EventArgs e)
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "File-drop trigger {TriggerId} of {WorkflowId} is not watched: {Problem}")]
    private static partial void LogUnusable(ILogger logger, string workflowId, string triggerId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drop folder {Directory} could not be scanned: {Reason}")]
    private static partial void LogScanFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The file-drop pass failed; retrying at the next scan")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
