using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using ServicesSync.Connections;
using ServicesSync.Connectors.NetSuite;
using ServicesSync.Connectors.Tests.Support;
using ServicesSync.Errors;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Connectors.Tests.NetSuite;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the fields in IAsyncLifetime.DisposeAsync.")]
public sealed class NetSuiteStubTests : IAsyncLifetime
{
    private const string TokenSecret = "canary-ns-token-secret-77";
    private NetSuiteStub stub = null!;
    private ConnectorsHarness harness = null!;

    public async Task InitializeAsync()
    {
        stub = await NetSuiteStub.StartAsync("1234567_SB1", "ck-1");
        harness = new ConnectorsHarness();
        await harness.AddConnectionAsync("ns", Definition(stub.Server.BaseUri), Secrets("ck-1"));
        await harness.AddConnectionAsync("ns-wrong", Definition(stub.Server.BaseUri), Secrets("ck-revoked"));
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await stub.DisposeAsync();
    }

    [Fact]
    public async Task UpsertTimeBill_PostedTwice_CreatesOneRecordAndTheSecondChangesNothing()
    {
        var entry = JsonNode.Parse("""
            { "source": { "system": "jira", "id": "10023" }, "worker": { "system": "canonical", "id": "w-1" },
              "project": { "system": "canonical", "id": "p-1" }, "workDate": "2026-03-02", "durationSeconds": 9000, "billableSeconds": 7200,
              "description": "Design workshop" }
            """);

        var first = await harness.RunAsync<NetSuiteUpsertTimeBillActivity>(new JsonObject { ["connection"] = "ns" }, entry);
        var second = await harness.RunAsync<NetSuiteUpsertTimeBillActivity>(new JsonObject { ["connection"] = "ns" }, entry);

        Assert.Equal(1, stub.Changes);
        Assert.Single(stub.Records);
        var record = stub.Find("timebill", "jira:10023")!;
        Assert.Equal(2m, (decimal)record["hours"]!);
        Assert.Equal("canonical:w-1", (string?)record["employee"]!["externalId"]);
        Assert.Equal("canonical:p-1", (string?)record["customer"]!["externalId"]);
        Assert.Equal("2026-03-02", (string?)record["tranDate"]);
        Assert.Equal((string?)record["id"], (string?)first.Output!["internalId"]);
        Assert.Null(second.Output!["internalId"]);
        Assert.All(stub.Server.Requests, r => Assert.Equal("PUT", r.Method));
    }

    [Fact]
    public async Task UpsertTimeBill_RequireLinksWithUnlinkedWorkerAndProject_GoesToUnmappedAndSendsNothing()
    {
        var store = harness.Services.GetRequiredService<ServicesSync.Persistence.IWorkflowStore>();
        await store.LinkCrossReferenceAsync(new ServicesSync.Persistence.CrossReferenceRecord("worker", "w-1", "jira", "ada", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var entry = JsonNode.Parse("""
            { "source": { "system": "tempo", "id": "884" }, "worker": { "system": "jira", "id": "ada" },
              "project": { "system": "jira", "id": "ACME" }, "workDate": "2026-03-02", "durationSeconds": 3600 }
            """);

        var result = await harness.RunAsync<NetSuiteUpsertTimeBillActivity>(new JsonObject { ["connection"] = "ns", ["requireLinks"] = true }, entry);

        Assert.Equal(["unmapped"], result.OutcomeNames);
        Assert.Equal("tempo:884", (string?)result.Output!["entry"]);
        Assert.Equal(["project jira:ACME"], result.Output["missing"]!.AsArray().Select(m => (string)m!));
        Assert.Contains("link it (xref.link) and replay", (string?)result.Output["reason"], StringComparison.Ordinal);
        Assert.Empty(stub.Server.Requests);
    }

    [Fact]
    public async Task UpsertProject_LinksTheJobToItsCustomerThroughParent()
    {
        await harness.RunAsync<NetSuiteUpsertCustomerActivity>(new JsonObject { ["connection"] = "ns" }, JsonNode.Parse("""{ "id": "c-1", "name": "Contoso Ltd" }"""));
        await harness.RunAsync<NetSuiteUpsertProjectActivity>(
            new JsonObject { ["connection"] = "ns" },
            JsonNode.Parse("""{ "id": "p-1", "name": "Contoso rollout", "currency": "USD", "customer": { "system": "canonical", "id": "c-1" }, "startDate": "2026-03-01" }"""));

        var job = stub.Find("job", "canonical:p-1")!;
        Assert.Equal("canonical:c-1", (string?)job["parent"]!["externalId"]);
        Assert.Equal("Contoso rollout", (string?)job["companyName"]);
        Assert.Equal("Contoso Ltd", (string?)stub.Find("customer", "canonical:c-1")!["companyName"]);
    }

    [Fact]
    public async Task UpsertEmployee_RevokedToken_FailsAsConfigurationWithoutRetryOrSecret()
    {
        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<NetSuiteUpsertEmployeeActivity>(
            new JsonObject { ["connection"] = "ns-wrong" }, JsonNode.Parse("""{ "id": "w-1", "givenName": "Ada" }""")));

        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Contains("check the credentials of connection 'ns-wrong'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenSecret, error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Server.Requests);
        Assert.Empty(stub.Records);
    }

    [Fact]
    public async Task UpsertEmployee_ThrottledOnce_IsSentAgainAfterRetryAfter()
    {
        stub.Server.Enqueue(StubFault.TooManyRequests(0));

        await harness.RunAsync<NetSuiteUpsertEmployeeActivity>(
            new JsonObject { ["connection"] = "ns" }, JsonNode.Parse("""{ "id": "w-2", "givenName": "Grace", "familyName": "Hopper", "email": "grace@example.com" }"""));

        Assert.Equal(2, stub.Server.Requests.Count);
        Assert.Equal("grace@example.com", (string?)stub.Find("employee", "canonical:w-2")!["email"]);
    }

    private static ConnectionDefinition Definition(Uri baseUri) => new()
    {
        Type = ConnectionTypes.NetSuite,
        BaseUrl = baseUri.ToString(),
        Auth = new ConnectionAuth { Kind = AuthKinds.NetSuiteTba, AccountId = "1234567-sb1" },
    };

    private static Dictionary<string, string> Secrets(string consumerKey) => new()
    {
        ["consumerKey"] = consumerKey, ["consumerSecret"] = "cs-1", ["tokenId"] = "tk-1", ["tokenSecret"] = TokenSecret,
    };
}
