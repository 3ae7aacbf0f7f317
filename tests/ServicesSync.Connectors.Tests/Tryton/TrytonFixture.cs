using ServicesSync.Connections;
using ServicesSync.Connectors.Tryton;
using ServicesSync.Connectors.Tests.Support;
using ServicesSync.Testing.RealSystems;

namespace ServicesSync.Connectors.Tests.Tryton;

/// <summary>
/// A real Tryton 6.0 on loopback, reset to the pristine database for each test class, with the
/// company set up and a connection <c>erp</c> pointing at it.
/// </summary>
public sealed class TrytonFixture : IAsyncLifetime
{
    internal ConnectorsHarness Harness { get; } = new();

    public int ProductId { get; private set; }

    public async Task InitializeAsync()
    {
        var settings = await RealSystemScript.RunAsync("tryton.sh", "reset");
        await Harness.AddConnectionAsync(
            "erp",
            new ConnectionDefinition
            {
                Type = ConnectionTypes.Tryton,
                BaseUrl = settings["TRYTON_URL"],
                Auth = new ConnectionAuth { Kind = AuthKinds.TrytonSession, Username = settings["TRYTON_USER"], Database = settings["TRYTON_DATABASE"] },
            },
            new Dictionary<string, string> { ["password"] = settings["TRYTON_PASSWORD"] });
        var connection = await Harness.Connections.GetAsync("erp", CancellationToken.None);
        ProductId = await TrytonCompanySetup.RunAsync(Rpc, connection, "ServicesSync Consulting", CancellationToken.None);
    }

    internal TrytonRpc Rpc => (TrytonRpc)Harness.Services.GetService(typeof(TrytonRpc))!;

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
