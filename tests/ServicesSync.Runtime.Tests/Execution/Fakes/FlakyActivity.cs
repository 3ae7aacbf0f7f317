using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Errors;

namespace ServicesSync.Runtime.Tests.Execution.Fakes;

/// <summary>Fails with a retryable error the first <c>failures</c> times it runs for a key, then succeeds.</summary>
[Activity("test.flaky", Category = "Test")]
internal sealed class FlakyActivity(FaultBook book) : Activity<FlakyActivity.Inputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(Inputs inputs, ActivityContext context)
    {
        var key = inputs.Key ?? context.ExecutionKey;
        var calls = book.Count(key);
        if (calls <= inputs.Failures)
        {
            throw new ServicesSyncException($"flaky failure {calls} of {key}", inputs.Permanent ? ErrorKind.Permanent : ErrorKind.Transient)
            {
                RetryAfter = inputs.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            };
        }

        return ValueTask.FromResult(ActivityResult.Done(new JsonObject { ["calls"] = calls, ["input"] = context.Input?.DeepClone() }));
    }

    internal sealed class Inputs
    {
        [Input]
        public int Failures { get; set; }

        [Input]
        public string? Key { get; set; }

        [Input]
        public bool Permanent { get; set; }

        /// <summary>The Retry-After the failure carries, as a server's 429 would.</summary>
        [Input]
        public double? RetryAfterSeconds { get; set; }
    }
}

/// <summary>Counts executions by key, shared by every activity instance of one test.</summary>
internal sealed class FaultBook
{
    private readonly ConcurrentDictionary<string, int> calls = new();

    /// <summary>Keys that fail while present, whatever their count (items that fail until a fix).</summary>
    public ConcurrentDictionary<string, bool> Broken { get; } = new();

    public int Count(string key) => calls.AddOrUpdate(key, 1, (_, n) => n + 1);

    public int CallsOf(string key) => calls.TryGetValue(key, out var n) ? n : 0;
}
