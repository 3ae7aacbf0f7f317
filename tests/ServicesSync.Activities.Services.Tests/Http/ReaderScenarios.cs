using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.BambooHr;
using ServicesSync.Activities.Services.Jira;
using ServicesSync.Activities.Services.Salesforce;
using ServicesSync.Activities.Services.Tempo;
using ServicesSync.Activities.Services.Workday;
using ServicesSync.Connections;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Activities.Services.Tests.Http;

internal sealed class BambooHrGetEmployeeScenario : ReaderScenario
{
    private BambooHrStub stub = null!;

    public override StubServer Server => stub.Server;

    public BambooHrStub Stub => stub;

    public override string CallPath => "/api/gateway.php/acme/v1/employees/412";

    public override async Task ArrangeAsync(ReaderHarness harness, bool validSecret = true)
    {
        stub = (await BambooHrStub.StartAsync("acme", "bamboo-key")).AddEmployee((JsonObject)TestSupport.SampleJson("bamboohr/employee-412.json"));
        await harness.AddConnectionAsync(
            ConnectionId, ConnectionTypes.BambooHr, stub.Server.BaseUri, new ConnectionAuth { Kind = AuthKinds.BambooHrApiKey },
            new() { ["apiKey"] = validSecret ? "bamboo-key" : "revoked-key" }, new() { ["companyDomain"] = "acme" });
    }

    public override Task<ActivityResult> RunAsync(ReaderHarness harness) => RunAsync(harness, "412");

    public static Task<ActivityResult> RunAsync(ReaderHarness harness, string employeeId) => harness.RunAsync<GetEmployeeActivity>(new JsonObject
    {
        ["connection"] = ConnectionId,
        ["employeeId"] = employeeId,
        ["fields"] = new JsonArray("firstName", "lastName", "hireDate", "customCostCenter", "customBillingRole"),
    });

    public override ValueTask DisposeAsync() => stub?.DisposeAsync() ?? default;
}

internal sealed class BambooHrChangedScenario : ReaderScenario
{
    private BambooHrStub stub = null!;

    public override StubServer Server => stub.Server;

    public override string CallPath => "/api/gateway.php/acme/v1/employees/changed";

    public override async Task ArrangeAsync(ReaderHarness harness, bool validSecret = true)
    {
        stub = (await BambooHrStub.StartAsync("acme", "bamboo-key"))
            .AddChange("412", "Inserted", new DateTimeOffset(2026, 3, 2, 14, 5, 13, TimeSpan.Zero))
            .AddChange("45", "Updated", new DateTimeOffset(2026, 3, 2, 11, 20, 0, TimeSpan.Zero))
            .AddChange("9", "Updated", new DateTimeOffset(2026, 2, 27, 8, 0, 0, TimeSpan.Zero));
        await harness.AddConnectionAsync(
            ConnectionId, ConnectionTypes.BambooHr, stub.Server.BaseUri, new ConnectionAuth { Kind = AuthKinds.BambooHrApiKey },
            new() { ["apiKey"] = validSecret ? "bamboo-key" : "revoked-key" }, new() { ["companyDomain"] = "acme" });
    }

    public override Task<ActivityResult> RunAsync(ReaderHarness harness)
        => harness.RunAsync<ChangedEmployeesActivity>(new JsonObject { ["connection"] = ConnectionId, ["since"] = "2026-03-01T00:00:00Z" });

    public override ValueTask DisposeAsync() => stub?.DisposeAsync() ?? default;
}

internal sealed class WorkdayScenario(bool soap) : ReaderScenario
{
    private WorkdayStub stub = null!;

    public override StubServer Server => stub.Server;

    public override string CallPath => soap ? "/ccx/service/acme/Human_Resources/v44.2" : "/ccx/api/v1/acme/workers";

    public override async Task ArrangeAsync(ReaderHarness harness, bool validSecret = true)
    {
        stub = (await WorkdayStub.StartAsync("acme", "wd-token")).AddSoapWorkers(TestSupport.Sample("workday/get-workers.xml"));
        foreach (var worker in TestSupport.SampleJson("workday/rest-workers.json")["data"]!.AsArray())
        {
            stub.AddRestWorker(worker!.DeepClone().AsObject());
        }

        await harness.AddConnectionAsync(
            ConnectionId, ConnectionTypes.Workday, stub.Server.BaseUri, new ConnectionAuth { Kind = AuthKinds.Bearer },
            new() { ["token"] = validSecret ? "wd-token" : "expired" }, new() { ["tenant"] = "acme" });
    }

    public override Task<ActivityResult> RunAsync(ReaderHarness harness) => harness.RunAsync<GetWorkersActivity>(soap
        ? new JsonObject { ["connection"] = ConnectionId, ["api"] = "soap", ["updatedFrom"] = "2026-03-16T11:00:00Z", ["updatedThrough"] = "2026-03-17T11:00:00Z" }
        : new JsonObject { ["connection"] = ConnectionId });

    public override ValueTask DisposeAsync() => stub?.DisposeAsync() ?? default;
}

internal sealed class JiraWorklogScenario : ReaderScenario
{
    private JiraStub stub = null!;

    public override StubServer Server => stub.Server;

    public override string CallPath => "/rest/api/3/issue/10042";

    public override async Task ArrangeAsync(ReaderHarness harness, bool validSecret = true)
    {
        stub = (await JiraStub.StartAsync("integration@example.com", "atl-token")).AddIssue("10042", "ACME-42", "ACME", "Data migration");
        await harness.AddConnectionAsync(
            ConnectionId, ConnectionTypes.Jira, stub.Server.BaseUri, new ConnectionAuth { Kind = AuthKinds.Basic, Username = "integration@example.com" },
            new() { ["password"] = validSecret ? "atl-token" : "old-token" });
    }

    public override Task<ActivityResult> RunAsync(ReaderHarness harness) => RunAsync(harness, TestSupport.SampleJson("jira/worklog-created.json"));

    public static Task<ActivityResult> RunAsync(ReaderHarness harness, JsonNode payload)
        => harness.RunAsync<WorklogEventActivity>(new JsonObject { ["connection"] = ConnectionId }, payload);

    public override ValueTask DisposeAsync() => stub?.DisposeAsync() ?? default;
}

internal sealed class TempoApprovalScenario : ReaderScenario
{
    public const string AccountId = "5b10ac8d82e05b22cc7d4ef5";
    private TempoStub stub = null!;

    public override StubServer Server => stub.Server;

    public override string CallPath => "/4/worklogs/user/" + AccountId;

    public override async Task ArrangeAsync(ReaderHarness harness, bool validSecret = true)
    {
        stub = await TempoStub.StartAsync("tempo-token");
        stub.PageLimit = 2;
        foreach (var page in new[] { "tempo/worklogs-page1.json", "tempo/worklogs-page2.json" })
        {
            foreach (var worklog in TestSupport.SampleJson(page)["results"]!.AsArray())
            {
                stub.AddWorklog(AccountId, worklog!.DeepClone().AsObject());
            }
        }

        stub.SetApproval(AccountId, "APPROVED");
        await harness.AddConnectionAsync(
            ConnectionId, ConnectionTypes.Tempo, stub.Server.BaseUri, new ConnectionAuth { Kind = AuthKinds.Bearer }, new() { ["token"] = validSecret ? "tempo-token" : "revoked" });
    }

    public override Task<ActivityResult> RunAsync(ReaderHarness harness)
        => harness.RunAsync<ApprovalActivity>(new JsonObject { ["connection"] = ConnectionId }, TestSupport.SampleJson("tempo/approval-approved.json"));

    public override ValueTask DisposeAsync() => stub?.DisposeAsync() ?? default;
}

internal sealed class SalesforceOpportunityScenario : ReaderScenario
{
    private SalesforceStub stub = null!;

    public override StubServer Server => stub.Server;

    public SalesforceStub Stub => stub;

    public override string CallPath => "/services/data/v62.0/query";

    public override async Task ArrangeAsync(ReaderHarness harness, bool validSecret = true)
    {
        stub = (await SalesforceStub.StartAsync("sf-session")).AddOpportunity((JsonObject)TestSupport.SampleJson("salesforce/opportunity-won.json"));
        await harness.AddConnectionAsync(
            ConnectionId, ConnectionTypes.Salesforce, stub.Server.BaseUri, new ConnectionAuth { Kind = AuthKinds.Bearer }, new() { ["token"] = validSecret ? "sf-session" : "expired" });
    }

    public override Task<ActivityResult> RunAsync(ReaderHarness harness)
        => harness.RunAsync<OpportunityActivity>(new JsonObject { ["connection"] = ConnectionId }, TestSupport.SampleJson("salesforce/opportunity-change-event.json"));

    public override ValueTask DisposeAsync() => stub?.DisposeAsync() ?? default;
}
