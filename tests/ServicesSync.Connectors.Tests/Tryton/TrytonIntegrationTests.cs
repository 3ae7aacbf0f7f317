using System.Text.Json.Nodes;
using ServicesSync.Connectors.Tryton;

namespace ServicesSync.Connectors.Tests.Tryton;

/// <summary>Posts canonical entities to a real Tryton and invoices them; one scenario per test, fresh database per class.</summary>
public sealed class TrytonIntegrationTests(TrytonFixture tryton) : IClassFixture<TrytonFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task PostEmployeeProjectAndTime_ThenInvoice_AmountIsHoursTimesRates_AndARepostChangesNothing()
    {
        var harness = tryton.Harness;
        var employee = await harness.RunAsync<TrytonEnsureEmployeeActivity>(Inputs(), JsonNode.Parse("""
            { "id": "w-1", "refs": [{ "system": "bamboohr", "id": "123" }], "givenName": "Ada", "familyName": "Lovelace",
              "employmentPeriods": [{ "start": "2025-01-06" }] }
            """));
        var project = await harness.RunAsync<TrytonEnsureProjectActivity>(
            Inputs(new() { ["customer"] = JsonNode.Parse("""{ "id": "c-1", "name": "Contoso Ltd" }"""), ["hourlyRate"] = 150, ["product"] = tryton.ProductId }),
            JsonNode.Parse("""{ "id": "p-1", "name": "Contoso rollout", "currency": "USD", "customer": { "system": "canonical", "id": "c-1" } }"""));
        var task = await harness.RunAsync<TrytonEnsureTaskActivity>(
            Inputs(new() { ["hourlyRate"] = 120, ["product"] = tryton.ProductId }),
            JsonNode.Parse("""{ "id": "t-1", "name": "Design", "project": { "system": "canonical", "id": "p-1" } }"""));
        Assert.True((bool)employee.Output!["created"]!);
        Assert.True((bool)project.Output!["created"]!);
        Assert.True((bool)task.Output!["created"]!);

        // 2 h and 1.5 h on the task (120/h), 1 h billable of 1.5 h on the project itself (150/h).
        var first = await PostAsync("10023", """ "task": { "system": "canonical", "id": "t-1" }, "durationSeconds": 7200 """);
        await PostAsync("10024", """ "task": { "system": "canonical", "id": "t-1" }, "durationSeconds": 5400 """);
        await PostAsync("10025", """ "durationSeconds": 5400, "billableSeconds": 3600 """);
        Assert.True((bool)first.Output!["created"]!);

        var invoiced = await harness.RunAsync<TrytonInvoiceProjectActivity>(Inputs(new() { ["project"] = "canonical:p-1" }));
        var invoice = Assert.Single(invoiced.Output!["invoices"]!.AsArray());
        Assert.Equal(2 * 120m + 1.5m * 120m + 1 * 150m, (decimal)invoice!["untaxedAmount"]!);
        Assert.Equal("draft", (string?)invoice["state"]);

        // The same entries again (a retry, a replay): no new line, no new invoice, same ids.
        var again = await PostAsync("10023", """ "task": { "system": "canonical", "id": "t-1" }, "durationSeconds": 7200 """);
        var employeeAgain = await harness.RunAsync<TrytonEnsureEmployeeActivity>(Inputs(), JsonNode.Parse("""{ "id": "w-1", "givenName": "Ada" }"""));
        var invoicedAgain = await harness.RunAsync<TrytonInvoiceProjectActivity>(Inputs(new() { ["project"] = "canonical:p-1" }));
        Assert.False((bool)again.Output!["created"]!);
        Assert.Equal((int)first.Output!["lineId"]!, (int)again.Output!["lineId"]!);
        Assert.False((bool)employeeAgain.Output!["created"]!);
        Assert.Equal((int)employee.Output!["employeeId"]!, (int)employeeAgain.Output!["employeeId"]!);
        Assert.Empty(invoicedAgain.Output!["invoices"]!.AsArray());
        var connection = await harness.Connections.GetAsync("erp", Ct);
        Assert.Equal(3, (await tryton.Rpc.SearchAsync(connection, "timesheet.line", [], Ct)).Length);
        Assert.Single(await tryton.Rpc.SearchAsync(connection, "account.invoice", [], Ct));
    }

    [Fact]
    public async Task PostTimeEntry_WorkerNotInTryton_GoesToUnmappedAndPostsNothing()
    {
        var harness = tryton.Harness;
        var connection = await harness.Connections.GetAsync("erp", Ct);
        var before = (await tryton.Rpc.SearchAsync(connection, "timesheet.line", [], Ct)).Length;

        var result = await harness.RunAsync<TrytonPostTimeEntryActivity>(Inputs(), JsonNode.Parse("""
            { "source": { "system": "jira", "id": "99001" }, "worker": { "system": "jira", "id": "557058:unknown" },
              "project": { "system": "canonical", "id": "p-unknown" }, "workDate": "2026-03-02", "durationSeconds": 3600 }
            """));

        Assert.Equal([ConnectorOutcomes.Unmapped], result.OutcomeNames);
        Assert.Equal(["worker jira:557058:unknown", "project canonical:p-unknown"], result.Output!["missing"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(before, (await tryton.Rpc.SearchAsync(connection, "timesheet.line", [], Ct)).Length);
    }

    [Fact]
    public async Task Probe_LogsInAndNamesTheCompany()
    {
        var tester = (ServicesSync.Connections.ConnectionTester)tryton.Harness.Services.GetService(typeof(ServicesSync.Connections.ConnectionTester))!;

        var result = await tester.TestAsync("erp", Ct);

        Assert.True(result.Ok, result.Message);
        Assert.Contains("ServicesSync Consulting", result.Message, StringComparison.Ordinal);
    }

    private Task<ServicesSync.Activities.CompletedResult> PostAsync(string sourceId, string rest)
        => tryton.Harness.RunAsync<TrytonPostTimeEntryActivity>(Inputs(), JsonNode.Parse($$"""
            { "source": { "system": "jira", "id": "{{sourceId}}" }, "worker": { "system": "canonical", "id": "w-1" },
              "project": { "system": "canonical", "id": "p-1" }, "workDate": "2026-03-02", {{rest}} }
            """));

    private static JsonObject Inputs(JsonObject? more = null)
    {
        var inputs = new JsonObject { ["connection"] = "erp" };
        foreach (var (name, value) in more ?? [])
        {
            inputs[name] = value?.DeepClone();
        }

        return inputs;
    }
}
