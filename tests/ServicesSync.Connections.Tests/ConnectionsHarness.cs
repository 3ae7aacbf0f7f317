using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Connections.Tests;

/// <summary>
/// The connections feature as a host composes it (in-memory store, key from configuration),
/// with a fake clock and every log event captured.
/// </summary>
internal sealed class ConnectionsHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public ConnectionsHarness(FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>
        {
            ["ServicesSync:Secrets:Key"] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray()),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ILoggerFactory>(new CapturingLoggerFactory(Logger));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddInMemoryStore();
        services.AddServicesSyncConnections(configuration);
        configure?.Invoke(services);
        provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public CapturingLogger Logger { get; } = new();

    public IConnectionService Connections => provider.GetRequiredService<IConnectionService>();

    public IConnectionHttp Http => provider.GetRequiredService<IConnectionHttp>();

    public ConnectionTester Tester => provider.GetRequiredService<ConnectionTester>();

    public T Get<T>()
        where T : notnull
        => provider.GetRequiredService<T>();

    public async Task<Connection> AddAsync(string id, ConnectionDefinition definition, Dictionary<string, string>? secrets = null)
    {
        await Connections.CreateAsync(id, definition, secrets ?? [], CancellationToken.None);
        return await Connections.GetAsync(id, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();

    private sealed class CapturingLoggerFactory(CapturingLogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
