using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Composition;
using ServicesSync.Connections;
using ServicesSync.Connectors.Tryton;
using ServicesSync.Definitions;
using ServicesSync.Execution;
using ServicesSync.Persistence;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Templates.Tests.Cases;
using ServicesSync.Testing.RealSystems;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Templates.Tests.Environment;

/// <summary>
/// Everything one case runs against: the product composition (every activity, both script
/// languages) over a fresh in-memory store, a stub per vendor API, and connections with the
/// well-known ids the templates' test parameters name (<see cref="Systems"/>). Tryton gets a
/// database of its own per case; Redmine is shared and the case removes the records it owns first.
/// </summary>
internal sealed class TemplateEnvironment : IAsyncDisposable
{
    /// <summary>Connection ids of the test environment; test-params.json files use these.</summary>
    public static readonly string[] Systems = ["netsuite", "tryton", "redmine", "jira", "bamboohr", "workday", "tempo", "salesforce"];

    private const string NetSuiteAccount = "TSTDRV1234567";
    private const string NetSuiteConsumerKey = "template-tests-consumer";
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, CannedRoutes> routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VendorStub> vendors = new(StringComparer.Ordinal);
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("servicessync-templates-").FullName;
    private ServiceProvider provider = null!;
    private NetSuiteStub netSuite = null!;
    private string? trytonDatabaseFile;

    private TemplateEnvironment()
    {
    }

    public IServiceProvider Services => provider;

    public IWorkflowStore Store => provider.GetRequiredService<IWorkflowStore>();

    public NetSuiteStub NetSuite => netSuite;

    public IReadOnlyDictionary<string, VendorStub> Vendors => vendors;

    public IReadOnlyDictionary<string, CannedRoutes> Routes => routes;

    public IReadOnlyDictionary<string, string>? Redmine { get; private set; }

    public static async Task<TemplateEnvironment> StartAsync(string templateFolder, TemplateCase testCase, IReadOnlySet<string> realSystems)
    {
        var environment = new TemplateEnvironment();
        await environment.InitializeAsync(templateFolder, testCase, realSystems);
        return environment;
    }

    private async Task InitializeAsync(string templateFolder, TemplateCase testCase, IReadOnlySet<string> realSystems)
    {
        foreach (var system in Systems)
        {
            routes[system] = new CannedRoutes(templateFolder, testCase.Serve[system] as JsonObject ?? []);
        }

        var unknown = testCase.Serve.Select(p => p.Key).Except(Systems).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidDataException($"{testCase.Path}: 'serve' names unknown systems {string.Join(", ", unknown)}; known: {string.Join(", ", Systems)}.");
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ServicesSync:Secrets:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInMemoryStore();
        services.AddServicesSyncProduct(dataDirectory, configuration);
        provider = services.BuildServiceProvider();

        netSuite = await NetSuiteStub.StartAsync(NetSuiteAccount, NetSuiteConsumerKey);
        netSuite.Intercept = (context, _) => routes["netsuite"].TryAnswerAsync(context);
        await AddAsync("netsuite", ConnectionTypes.NetSuite, netSuite.Server.BaseUri, new ConnectionAuth { Kind = AuthKinds.NetSuiteTba, AccountId = NetSuiteAccount }, new()
        {
            ["consumerKey"] = NetSuiteConsumerKey, ["consumerSecret"] = "cs", ["tokenId"] = "tid", ["tokenSecret"] = "ts",
        });
        foreach (var (system, type, auth, secrets) in VendorConnections())
        {
            var stub = await VendorStub.StartAsync(routes[system]);
            vendors[system] = stub;
            await AddAsync(system, type, stub.Server.BaseUri, auth, secrets);
        }

        if (realSystems.Contains("redmine"))
        {
            Redmine = await RealSystems.RedmineAsync();
            await AddAsync("redmine", ConnectionTypes.Redmine, new Uri(Redmine["REDMINE_URL"]), new ConnectionAuth { Kind = AuthKinds.RedmineApiKey }, new() { ["apiKey"] = Redmine["REDMINE_API_KEY"] });
            await RedmineState.ResetAsync(Redmine, testCase.Reset["redmine"] as JsonObject);
        }

        if (realSystems.Contains("tryton"))
        {
            await CreateTrytonAsync(testCase);
        }

        foreach (var link in testCase.CrossReferences.OfType<JsonObject>())
        {
            await Store.LinkCrossReferenceAsync(
                new CrossReferenceRecord((string)link["entityType"]!, (string)link["canonicalId"]!, (string)link["system"]!, (string)link["id"]!, DateTimeOffset.UnixEpoch),
                CancellationToken.None);
        }
    }

    private static IEnumerable<(string System, string Type, ConnectionAuth Auth, Dictionary<string, string> Secrets)> VendorConnections()
    {
        yield return ("bamboohr", ConnectionTypes.BambooHr, new ConnectionAuth { Kind = AuthKinds.BambooHrApiKey }, new() { ["apiKey"] = "bamboo-api-key" });
        yield return ("workday", ConnectionTypes.Workday, new ConnectionAuth { Kind = AuthKinds.Basic, Username = "ISU_ServicesSync" }, new() { ["password"] = "isu-password" });
        yield return ("jira", ConnectionTypes.Jira, new ConnectionAuth { Kind = AuthKinds.Basic, Username = "integration@example.com" }, new() { ["password"] = "api-token" });
        yield return ("tempo", ConnectionTypes.Tempo, new ConnectionAuth { Kind = AuthKinds.Bearer }, new() { ["token"] = "tempo-token" });
        yield return ("salesforce", ConnectionTypes.Salesforce, new ConnectionAuth { Kind = AuthKinds.Bearer }, new() { ["token"] = "sf-session" });
    }

    private async Task CreateTrytonAsync(TemplateCase testCase)
    {
        var settings = await RealSystems.TrytonAsync();
        var pristine = settings["TRYTON_PRISTINE"];
        var databases = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(pristine)!)!, "db");
        var name = "tpl_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(testCase.Path + Guid.NewGuid())))[..12];
        trytonDatabaseFile = Path.Combine(databases, name + ".sqlite");
        File.Copy(pristine, trytonDatabaseFile);
        var auth = new ConnectionAuth { Kind = AuthKinds.TrytonSession, Username = settings["TRYTON_USER"], Database = name };
        await AddAsync("tryton", ConnectionTypes.Tryton, new Uri(settings["TRYTON_URL"]), auth, new() { ["password"] = settings["TRYTON_PASSWORD"] });
        var connections = provider.GetRequiredService<IConnectionService>();
        var rpc = provider.GetRequiredService<TrytonRpc>();
        var product = await TrytonCompanySetup.RunAsync(rpc, await connections.GetAsync("tryton", CancellationToken.None), "Northwind Consulting", CancellationToken.None);
        // The product goes on the connection, as an administrator would configure it.
        await connections.DeleteAsync("tryton", CancellationToken.None);
        await connections.CreateAsync(
            "tryton",
            new ConnectionDefinition
            {
                Type = ConnectionTypes.Tryton,
                BaseUrl = settings["TRYTON_URL"],
                Auth = auth,
                Properties = new Dictionary<string, string> { ["productId"] = product.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
            new Dictionary<string, string> { ["password"] = settings["TRYTON_PASSWORD"] },
            CancellationToken.None);
    }

    private Task<ConnectionSummary> AddAsync(string id, string type, Uri baseUri, ConnectionAuth auth, Dictionary<string, string> secrets)
        => provider.GetRequiredService<IConnectionService>().CreateAsync(
            id,
            new ConnectionDefinition
            {
                Type = type,
                BaseUrl = baseUri.ToString(),
                Auth = auth,
                // Fail fast: a case that expects a refusal should not wait through long back-offs.
                Resilience = new ConnectionResilience { MaxRetries = 1, MaxRetryDelay = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(20) },
            },
            secrets,
            CancellationToken.None);

    public async Task<WorkflowInstance> RunAsync(WorkflowDefinition definition, JsonNode? input)
    {
        var runtime = provider.GetRequiredService<IWorkflowRuntime>();
        var started = await runtime.StartAsync(new StartRunRequest { WorkflowId = definition.Id, Definition = definition, Input = input }, CancellationToken.None);
        return await runtime.WaitAsync(started.Id, RunLimit, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await netSuite.DisposeAsync();
        foreach (var stub in vendors.Values)
        {
            await stub.DisposeAsync();
        }

        if (trytonDatabaseFile is not null)
        {
            File.Delete(trytonDatabaseFile);
        }

        Directory.Delete(dataDirectory, recursive: true);
    }
}
