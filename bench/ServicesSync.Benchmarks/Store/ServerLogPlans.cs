using System.Text;

namespace ServicesSync.Benchmarks.Store;

/// <summary>
/// The plans PostgreSQL's <c>auto_explain</c> writes to the server log for the statements a store
/// executes, with the plans the server really used (the custom or generic plan of a prepared
/// statement, with actual rows and buffers), since the store's SQL is internal to it. Only the
/// sessions of a store opened with <see cref="ConnectionOptions"/> explain themselves; the log
/// file must be readable by this process.
/// </summary>
internal sealed class ServerLogPlans(string logPath)
{
    /// <summary>Session settings (superuser only) that make every statement log its plan with actual times and buffers.</summary>
    public const string ConnectionOptions =
        "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 -c auto_explain.log_analyze=on "
        + "-c auto_explain.log_buffers=on -c auto_explain.log_timing=on";

    /// <summary>Runs <paramref name="action"/> and returns the plans the server logged meanwhile.</summary>
    public async Task<string> RecordAsync(Func<Task> action)
    {
        var from = new FileInfo(logPath).Length;
        await action();

        // The server writes its log a little after it answers: wait until the file stops growing.
        var length = from;
        for (var polls = 0; polls < 30; polls++)
        {
            await Task.Delay(100);
            var now = new FileInfo(logPath).Length;
            if (now > from && now == length)
            {
                break;
            }

            length = now;
        }

        await using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(from, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var plans = new StringBuilder();
        var inPlan = false;
        while (await reader.ReadLineAsync() is { } line)
        {
            // An entry starts with a timestamp; its continuation lines are indented.
            var continuation = line.Length > 0 && char.IsWhiteSpace(line[0]);
            if (!continuation)
            {
                inPlan = line.Contains("plan:", StringComparison.Ordinal);
            }

            if (inPlan)
            {
                // Id lists of a prune pass run to tens of kilobytes; their start says enough.
                var text = continuation ? line : line[line.IndexOf("duration:", StringComparison.Ordinal)..];
                plans.AppendLine(text.Length > 240 ? text[..240] + " …" : text);
            }
        }

        return plans.ToString();
    }
}
