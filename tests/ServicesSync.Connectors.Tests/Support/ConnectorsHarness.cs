using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities;
using ServicesSync.Connections;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Connectors.Tests.Support;

/// <summary>The connectors as a host composes them (in-memory store, throw-away secrets key), activities run one by one.</summary>
internal sealed class ConnectorsHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public ConnectorsHarness()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInMemoryStore();
        services.AddServicesSyncConnectors();
        provider = services.BuildServiceProvider();
    }

    public IServiceProvider Services => provider;

    public IConnectionService Connections => provider.GetRequiredService<IConnectionService>();

    public TestActivityContext Context { get; } = new();

    public Task AddConnectionAsync(string id, ConnectionDefinition definition, Dictionary<string, string> secrets)
        => Connections.CreateAsync(id, definition, secrets, CancellationToken.None);

    /// <summary>Runs an activity of type <typeparamref name="TActivity"/> with inputs and an incoming message.</summary>
    public async Task<CompletedResult> RunAsync<TActivity>(JsonObject inputs, JsonNode? message = null)
        where TActivity : class, IActivity
    {
        var activity = ActivatorUtilities.CreateInstance<TActivity>(provider);
        var context = Context.ForActivity<TActivity>().WithInputs(inputs).WithInput(message).Build();
        return Assert.IsType<CompletedResult>(await activity.ExecuteAsync(context));
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
