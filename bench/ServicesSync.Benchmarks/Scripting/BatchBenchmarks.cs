using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities;
using ServicesSync.Idempotency;
using ServicesSync.Scripting;
using ServicesSync.Scripting.Activities;

namespace ServicesSync.Benchmarks.Scripting;

/// <summary>10,000 records through <c>core.script</c> (activity, context, snippet, JSON in and out) inside one batch budget.</summary>
[Config(typeof(ScriptingBenchmarkConfig))]
public class BatchBenchmarks
{
    public const int Records = 10_000;
    private JsonNode[] records = [];
    private ServiceProvider services = null!;

    [Params(ScriptLanguages.JavaScript, ScriptLanguages.CSharp)]
    public string Language { get; set; } = ScriptLanguages.JavaScript;

    [GlobalSetup]
    public void Setup()
    {
        records = Enumerable.Range(0, Records).Select(ScriptingFixture.Record).ToArray();
        services = new ServiceCollection().AddScripting(o => o.Limits.Timeout = TimeSpan.FromSeconds(30)).BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark(OperationsPerInvoke = Records)]
    public async Task<int> TenThousandRecords()
    {
        var activity = services.GetRequiredService<ScriptActivity>();
        var inputs = new JsonObject
        {
            ["language"] = Language,
            ["code"] = Language == ScriptLanguages.JavaScript ? ScriptingFixture.JavaScriptMapping : ScriptingFixture.CSharpMapping,
        };
        var count = 0;
        using var batch = ScriptBudget.BeginBatch(TimeSpan.FromMinutes(5));
        foreach (var record in records)
        {
            var context = new ActivityContext
            {
                WorkflowId = "bench",
                WorkflowVersion = 1,
                InstanceId = "instance",
                ActivityId = "map",
                ActivityType = ScriptActivityTypes.Script,
                Input = record,
                Inputs = inputs,
                Variables = ScriptingFixture.Variables,
                Idempotency = NoIdempotency.Instance,
            };
            if (await activity.ExecuteAsync(context) is CompletedResult)
            {
                count++;
            }
        }

        return count;
    }

    private sealed class NoIdempotency : IIdempotencyService
    {
        public static NoIdempotency Instance { get; } = new();

        public Task<IdempotencyLookup> LookupAsync(string key, CancellationToken cancellationToken) => Task.FromResult(IdempotencyLookup.Missing);

        public Task RecordAsync(string key, JsonNode? result, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
