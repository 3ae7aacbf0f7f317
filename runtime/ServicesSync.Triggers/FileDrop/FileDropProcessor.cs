using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ServicesSync.Execution;
using ServicesSync.Persistence;
using ServicesSync.Text;

namespace ServicesSync.Triggers.FileDrop;

/// <summary>
/// Handles the files of one drop folder. A file is claimed by moving it into <c>processing/</c>
/// before anything else; its run id derives from its name, size and SHA-256 there, so a restart
/// (which picks up whatever is left in <c>processing/</c>) finds the run instead of starting another.
/// A file that cannot be read as CSV goes to <c>failed/</c> without a run; after its run the file
/// goes to <c>done/</c> (completed) or <c>failed/</c>, with a JSON report beside it.
/// </summary>
internal sealed partial class FileDropProcessor(IWorkflowRuntime runtime, TriggerOptions options, TimeProvider clock, ILogger<FileDropProcessor> logger)
{
    private static readonly TimeSpan SuspendedPoll = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Task> inFlight = new(StringComparer.Ordinal);

    /// <summary>Files being handled (for tests and shutdown): each task ends when its file has left processing/.</summary>
    public IReadOnlyList<Task> InFlight => [.. inFlight.Values];

    /// <summary>Claims and starts every settled file; returns whether a file was seen that is still being written.</summary>
    public bool Scan(FileDropSettings drop, CancellationToken cancellationToken)
    {
        var processing = Path.Combine(drop.Directory, FileDropSettings.Processing);
        Directory.CreateDirectory(processing);
        foreach (var claimed in Directory.EnumerateFiles(processing))
        {
            Track(drop, claimed, cancellationToken);
        }

        var unsettled = false;
        foreach (var file in Directory.EnumerateFiles(drop.Directory, drop.Pattern, SearchOption.TopDirectoryOnly))
        {
            if (!IsSettled(file))
            {
                unsettled = true;
                continue;
            }

            if (TryClaim(file, processing) is { } claimed)
            {
                Track(drop, claimed, cancellationToken);
            }
        }

        return unsettled;
    }

    private bool IsSettled(string file)
        => options.FileDropSettleTime <= TimeSpan.Zero
           || File.GetLastWriteTimeUtc(file) <= clock.GetUtcNow().UtcDateTime - options.FileDropSettleTime;

    private string? TryClaim(string file, string processing)
    {
        try
        {
            var target = FreeName(processing, Path.GetFileName(file));
            File.Move(file, target, overwrite: false);
            return target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Claimed by another watcher a moment ago, or not ours to move: the next scan looks again.
            LogNotClaimed(logger, file, e.Message);
            return null;
        }
    }

    private void Track(FileDropSettings drop, string claimed, CancellationToken cancellationToken)
    {
        if (inFlight.ContainsKey(claimed))
        {
            return;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!inFlight.TryAdd(claimed, done.Task))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await ProcessAsync(drop, claimed, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e, claimed);
            }
            finally
            {
                inFlight.TryRemove(claimed, out _);
                done.TrySetResult();
            }
        }, CancellationToken.None);
    }

    private async Task ProcessAsync(FileDropSettings drop, string claimed, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(claimed);
        var info = new FileInfo(claimed);
        if (info.Length > options.FileDropMaxBytes)
        {
            Finish(drop, claimed, Rejected(name, info.Length, null, [new($"The file is {info.Length} bytes, over the limit of {options.FileDropMaxBytes}.")]));
            return;
        }

        var bytes = await File.ReadAllBytesAsync(claimed, cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!TryDecode(bytes, drop.Encoding, out var text, out var decodeError))
        {
            Finish(drop, claimed, Rejected(name, bytes.Length, sha256, [decodeError!]));
            return;
        }

        var csv = CsvReader.Read(text, drop.Delimiter, drop.HeaderRow);
        if (csv.Errors.Count > 0)
        {
            Finish(drop, claimed, Rejected(name, bytes.Length, sha256, csv.Errors.Select(e => new FileDropReportError(e.Message, e.Row, e.Column)).ToArray()));
            return;
        }

        var instanceId = DerivedIds.For("file-", drop.WorkflowId, drop.Binding.Trigger.Id, name, bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), sha256);
        var message = new JsonObject
        {
            ["file"] = new JsonObject { ["name"] = name, ["size"] = bytes.Length, ["sha256"] = sha256 },
            ["rows"] = csv.Rows,
        };
        WorkflowInstance instance;
        try
        {
            instance = await runtime.StartAsync(
                new StartRunRequest
                {
                    WorkflowId = drop.WorkflowId,
                    Version = drop.Binding.Version,
                    TriggerActivityId = drop.Binding.Trigger.Id,
                    Input = message,
                    InstanceId = instanceId,
                },
                cancellationToken);
        }
        catch (Errors.ServicesSyncException e) when (!e.Retryable)
        {
            // Too big a message, a retired version: trying the same file again would fail the same way.
            Finish(drop, claimed, Rejected(name, bytes.Length, sha256, [new(e.Message)]));
            return;
        }

        LogStarted(logger, name, drop.WorkflowId, instance.Id, csv.Rows.Count);

        var finished = await WaitForEndAsync(instance.Id, cancellationToken);
        Finish(drop, claimed, new FileDropReport
        {
            File = name,
            Size = bytes.Length,
            Sha256 = sha256,
            Status = finished.Status.ToString().ToLowerInvariant(),
            Rows = csv.Rows.Count,
            InstanceId = instance.Id,
            Errors = finished.Error is { } error ? [new FileDropReportError(error.Message)] : [],
            FinishedAt = clock.GetUtcNow(),
        });
    }

    private async Task<WorkflowInstance> WaitForEndAsync(string instanceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var instance = await runtime.WaitAsync(instanceId, TimeSpan.FromMinutes(1), cancellationToken);
            if (instance.Status is InstanceStatus.Completed or InstanceStatus.Faulted or InstanceStatus.Cancelled)
            {
                return instance;
            }

            // Waiting for an event or a timer: the file stays in processing/ until the run ends.
            if (instance.Status == InstanceStatus.Suspended)
            {
                await Task.Delay(SuspendedPoll, clock, cancellationToken);
            }
        }
    }

    private void Finish(FileDropSettings drop, string claimed, FileDropReport report)
    {
        var folder = Path.Combine(drop.Directory, report.Status == "completed" ? FileDropSettings.Done : FileDropSettings.Failed);
        Directory.CreateDirectory(folder);
        var target = FreeName(folder, Path.GetFileName(claimed));
        // The report first: a crash between the two leaves the file in processing/, handled again.
        File.WriteAllText(target + ".report.json", report.ToJson(), Encoding.UTF8);
        File.Move(claimed, target, overwrite: false);
        LogFinished(logger, report.File, report.Status, target);
    }

    private FileDropReport Rejected(string name, long size, string? sha256, IReadOnlyList<FileDropReportError> errors) => new()
    {
        File = name,
        Size = size,
        Sha256 = sha256,
        Status = "rejected",
        Errors = errors,
        FinishedAt = clock.GetUtcNow(),
    };

    private static bool TryDecode(byte[] bytes, Encoding encoding, out string text, out FileDropReportError? error)
    {
        error = null;
        var preamble = encoding.GetPreamble();
        var start = preamble.Length > 0 && bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        try
        {
            text = encoding.GetString(bytes, start, bytes.Length - start);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Clamp(start + Math.Max(e.Index, 0), 0, bytes.Length);
            var row = 1 + bytes.AsSpan(0, at).Count((byte)'\n');
            text = "";
            error = new FileDropReportError($"The file is not valid {encoding.WebName}: bad bytes near byte {at + 1}.", row);
            return false;
        }
    }

    /// <summary><paramref name="name"/> in <paramref name="folder"/>, or NAME~2, NAME~3… when taken (a file of the same name dropped again).</summary>
    private static string FreeName(string folder, string name)
    {
        var target = Path.Combine(folder, name);
        for (var n = 2; File.Exists(target) || File.Exists(target + ".report.json"); n++)
        {
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}~{n}{Path.GetExtension(name)}");
        }

        return target;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped file {File} not claimed yet: {Reason}")]
    private static partial void LogNotClaimed(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped file {File} started {WorkflowId} as {InstanceId} with {RowCount} rows")]
    private static partial void LogStarted(ILogger logger, string file, string workflowId, string instanceId, int rowCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped file {File} finished {Status}; moved to {Target}")]
    private static partial void LogFinished(ILogger logger, string file, string status, string target);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped file {File} could not be handled; it stays in processing/ and is tried again at the next scan")]
    private static partial void LogFailed(ILogger logger, Exception exception, string file);
}
