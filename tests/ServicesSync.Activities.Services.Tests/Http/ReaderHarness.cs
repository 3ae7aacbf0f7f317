using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServicesSync.Connections;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Http;

/// <summary>
/// The readers as a host composes them: connections with a throw-away secrets key over the
/// in-memory store, the shared pipeline on a fake clock the test moves, activities run one by one.
/// </summary>
internal sealed class ReaderHarness : IAsyncDisposable
{
    private static readonly TimeSpan RealDeadline = TimeSpan.FromSeconds(30);
    private readonly ServiceProvider provider;

    public ReaderHarness()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ServicesSync:Secrets:Key"] = Convert.ToBase64String(new byte[32]) })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddInMemoryStore();
        services.AddServicesSyncConnections(configuration);
        services.AddServicesActivities();
        provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Quick retries as shipped (2, Retry-After up to 10 s honoured); an attempt timeout long
    /// enough that moving the fake clock never cuts a request the stub is still answering.
    /// </summary>
    public static ConnectionResilience Resilience { get; } = new() { Timeout = TimeSpan.FromMinutes(10) };

    public Task AddConnectionAsync(
        string id, string type, Uri baseUri, ConnectionAuth auth, Dictionary<string, string> secrets,
        Dictionary<string, string>? properties = null, ConnectionResilience? resilience = null)
        => provider.GetRequiredService<IConnectionService>().CreateAsync(
            id,
            new ConnectionDefinition
            {
                Type = type,
                BaseUrl = baseUri.ToString(),
                Auth = auth,
                Properties = properties ?? [],
                Resilience = resilience ?? Resilience,
            },
            secrets,
            CancellationToken.None);

    /// <summary>Runs an activity of type <typeparamref name="TActivity"/> with the fake clock standing still.</summary>
    public async Task<ActivityResult> RunAsync<TActivity>(JsonObject inputs, JsonNode? message = null)
        where TActivity : class, IActivity
    {
        var activity = ActivatorUtilities.CreateInstance<TActivity>(provider);
        var context = new TestActivityContext().ForActivity<TActivity>("reader").WithInputs(inputs).WithInput(message);
        return await activity.ExecuteAsync(context.Build());
    }

    /// <summary>Runs an activity of type <typeparamref name="TActivity"/> in a context built by the test.</summary>
    public async Task<ActivityResult> RunAsync<TActivity>(TestActivityContext context)
        where TActivity : class, IActivity
        => await ActivatorUtilities.CreateInstance<TActivity>(provider).ExecuteAsync(context.Build());

    /// <summary>
    /// Runs <paramref name="run"/> while moving the fake clock forward in <paramref name="step"/>s,
    /// so back-offs, Retry-After waits and timeouts elapse; fails after a real-time deadline.
    /// <paramref name="onStep"/> sees the fake time after each step.
    /// </summary>
    public async Task<ActivityResult> DriveAsync(Func<Task<ActivityResult>> run, TimeSpan step, Action<DateTimeOffset>? onStep = null)
    {
        var task = Task.Run(run);
        var watch = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (watch.Elapsed > RealDeadline)
            {
                Assert.Fail($"The reader did not finish within {RealDeadline.TotalSeconds} s of real time (fake clock at {Clock.GetUtcNow():O}).");
            }

            // Let the request in flight reach the stub (and its answer come back) before time moves on.
            await Task.WhenAny(task, Task.Delay(15));
            if (!task.IsCompleted)
            {
                Clock.Advance(step);
                onStep?.Invoke(Clock.GetUtcNow());
            }
        }

        return await task;
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
