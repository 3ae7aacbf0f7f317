using System.Text.Json;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Cli;

/// <summary>The professional-services activities are part of the `run` composition: approved time to a billing event.</summary>
public sealed class ServicesActivitiesRunTests : IDisposable
{
    private const string Workflow = """
        {
          "schemaVersion": 1,
          "id": "approved-time-to-billing",
          "name": "Approved time to billing",
          "activities": [
            { "id": "start", "type": "core.manual" },
            { "id": "map", "type": "map.jiraWorklog", "inputs": { "approvalStatus": "approved" } },
            { "id": "rate", "type": "finance.validateRateCard", "inputs": {
                "rateCard": "rates/acme.csv",
                "project": { "id": "prj-1", "refs": [{ "system": "jira", "id": "ACME" }], "name": "Acme ERP rollout", "currency": "USD",
                             "customer": { "system": "netsuite", "id": "customer:501" },
                             "rounding": { "incrementMinutes": 15, "method": "up" } } } },
            { "id": "bill", "type": "finance.buildBillingEvent", "inputs": {
                "project": { "id": "prj-1", "refs": [{ "system": "jira", "id": "ACME" }], "name": "Acme ERP rollout", "currency": "USD",
                             "customer": { "system": "netsuite", "id": "customer:501" } } } },
            { "id": "suspense", "type": "core.deadLetter", "inputs": { "reason": "rate card violation" } }
          ],
          "connections": [
            { "from": "start", "to": "map" }, { "from": "map", "to": "rate" },
            { "from": "rate", "outcome": "valid", "to": "bill" },
            { "from": "rate", "outcome": "invalid", "to": "suspense" }
          ]
        }
        """;

    private const string Worklog = """
        { "event": "created", "worklogId": "10100", "issueId": "10042", "issueKey": "ACME-42", "projectKey": "ACME",
          "author": { "accountId": "5b10ac8d", "timeZone": "America/Chicago" },
          "started": "2026-03-02T05:30:00.000+0000", "timeSpentSeconds": 3000 }
        """;

    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Run_MapsValidatesAgainstACsvRateCardAndBuildsTheBillingEvent()
    {
        var data = folder.Combine("data");
        Directory.CreateDirectory(Path.Combine(data, "rates"));
        File.WriteAllText(Path.Combine(data, "rates", "acme.csv"), "card,scope,target,currency,effectiveFrom,effectiveTo,role,worker,task,rate\nacme,customer,netsuite:customer:501,USD,2026-01-01,,,,,180\n");
        var workflow = folder.WriteFile("workflow.json", Workflow);
        var input = folder.WriteFile("input.json", Worklog);

        var result = await CliRunner.RunAsync("run", workflow, "--input", input, "--data", data);

        result.AssertExit(ExitCodes.Ok);
        var billing = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("time", billing.GetProperty("kind").GetString());
        Assert.Equal(180m, billing.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal("2026-03-01", billing.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Validate_ReportsAnInlineRateCardWithOverlappingVersions()
    {
        var card = """{ "id": "acme", "scope": { "kind": "default" }, "currency": "USD", "versions": [ { "effectiveFrom": "2026-01-01", "lines": [ { "rate": 150 } ] }, { "effectiveFrom": "2026-07-01", "lines": [ { "rate": 160 } ] } ] }""";
        var workflow = folder.WriteFile("workflow.json", Workflow.Replace("\"rates/acme.csv\"", card, StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("validate", workflow);

        Assert.NotEqual(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("the version from 2026-01-01 has no end and overlaps the version from 2026-07-01", result.Error + result.Output, StringComparison.Ordinal);
        Assert.Contains("rate", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_KnowsTheServicesActivityTypes()
    {
        var workflow = folder.WriteFile("workflow.json", Workflow);

        var result = await CliRunner.RunAsync("validate", workflow);

        result.AssertExit(ExitCodes.Ok);
    }
}
