using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Mapping;
using ServicesSync.Activities.Services.Tempo;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Canonical;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Mapping;

public class MapTimesheetAndDealTests
{
    private static async Task<JsonObject> ApprovedWeekAsync()
    {
        var worklogs = new JsonArray([.. TestSupport.SampleJson("tempo/worklogs-page1.json")["results"]!.AsArray().Concat(TestSupport.SampleJson("tempo/worklogs-page2.json")["results"]!.AsArray()).Select(w => w!.DeepClone())]);
        var context = new TestActivityContext().ForActivity<ApprovalActivity>("approval").WithInput(TestSupport.SampleJson("tempo/approval-approved.json")).WithInputValue("worklogs", worklogs);
        await using var harness = new ReaderHarness();
        return (await harness.RunAsync<ApprovalActivity>(context)).CompletedOn("approved")!.AsObject();
    }

    private static async Task<IReadOnlyList<TimeEntry>> MapTempoAsync(JsonObject approval, JsonObject inputs)
    {
        var context = new TestActivityContext().ForActivity<MapTempoTimesheetActivity>("map").WithInput(approval).WithInputs(inputs);
        var output = (await new MapTempoTimesheetActivity().RunAsync(context)).CompletedOn("done")!;
        return CanonicalJson.FromNode<List<TimeEntry>>(output["entries"], "entries");
    }

    [Fact]
    public async Task Tempo_ApprovedWeek_BecomesApprovedEntriesWithBillableSecondsAndLocalDates()
    {
        var inputs = new JsonObject
        {
            ["issues"] = JsonNode.Parse("""{ "10042": { "key": "ACME-42", "project": "ACME" }, "10077": { "key": "INT-7", "project": "jira:INT" } }"""),
        };

        var entries = await MapTempoAsync(await ApprovedWeekAsync(), inputs);

        Assert.Equal(["tempo:884", "tempo:885", "tempo:886"], entries.Select(e => e.Source.ToString()));
        Assert.All(entries, e => Assert.Equal((ApprovalStatus.Approved, new ExternalRef("jira", "5b10ac8d82e05b22cc7d4ef5")), (e.ApprovalStatus, e.Worker)));
        Assert.Equal([(27000L, 25200L), (3600L, 0L), (16200L, 16200L)], entries.Select(e => (e.DurationSeconds, e.BillableSeconds!.Value)));
        Assert.Equal((new ExternalRef("jira", "ACME"), new ExternalRef("jira", "ACME-42")), (entries[0].Project, entries[0].Task));
        Assert.Equal(new ExternalRef("jira", "INT"), entries[1].Project);
        // 23:30 on Tuesday stays on Tuesday: Tempo's date is the worker's local date.
        Assert.Equal(new DateOnly(2026, 3, 3), entries[1].WorkDate);
        Assert.Null(entries[1].StartedAt);
    }

    [Fact]
    public async Task Tempo_WithTheWorkersTimeZone_EntriesCarryTheirStartInstant()
    {
        var entries = await MapTempoAsync(await ApprovedWeekAsync(), new JsonObject { ["project"] = "jira:ACME", ["timeZone"] = "America/Chicago" });

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 23, 30, 0, TimeSpan.FromHours(-6)), entries[1].StartedAt);
        Assert.Equal(new DateOnly(2026, 3, 3), entries[1].WorkDate);
    }

    [Fact]
    public async Task Tempo_NotApprovedPeriod_GivesUnapprovedEntries()
    {
        var approval = await ApprovedWeekAsync();
        approval["approved"] = false;
        approval["status"] = "inReview";

        var entries = await MapTempoAsync(approval, new JsonObject { ["project"] = "jira:ACME" });

        Assert.All(entries, e => Assert.Equal(ApprovalStatus.Submitted, e.ApprovalStatus));
    }

    [Fact]
    public async Task Tempo_IssueWithoutAProject_IsAClearError()
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(async () => await MapTempoAsync(await ApprovedWeekAsync(), []));

        Assert.Equal("Activity 'map' (map.tempoTimesheet): Tempo timesheet: worklog 884 is on issue 10042, whose project is unknown: map it in 'issues' or set 'project'.", ex.Message);
    }

    [Fact]
    public async Task Salesforce_WonDeal_BecomesCustomerAndPlannedProject()
    {
        var opportunity = TestSupport.SampleJson("salesforce/opportunity-won.json");
        var read = (await Salesforce.OpportunityActivityAccess.RunAsync(opportunity)).AsObject();
        var context = new TestActivityContext().ForActivity<MapSalesforceDealActivity>("map").WithInput(read);

        var output = (await new MapSalesforceDealActivity().RunAsync(context)).CompletedOn("done")!;

        var customer = CanonicalJson.FromNode<Customer>(output["customer"], "customer");
        var project = CanonicalJson.FromNode<Project>(output["project"], "project");
        Assert.Equal(("Acme Corp", "USD", new ExternalRef("salesforce", "001Dn00000XyZwVIAR")), (customer.Name, customer.Currency, customer.Refs[0]));
        Assert.Equal(("Acme ERP rollout - SOW 14", ProjectStatus.Planned, new Money(250000m, "USD")), (project.Name, project.Status, project.ContractValue));
        Assert.Equal((new ExternalRef("salesforce", "001Dn00000XyZwVIAR"), new DateOnly(2026, 2, 27)), (project.Customer, project.StartDate));
    }

    [Fact]
    public async Task Salesforce_NoCurrency_NeedsTheInput()
    {
        var read = JsonNode.Parse("""{ "id": "006A", "name": "Deal", "accountId": "001A", "accountName": "Initech", "isWon": true, "amount": 1000 }""")!;
        var missing = new TestActivityContext().ForActivity<MapSalesforceDealActivity>("map").WithInput(read);
        var given = new TestActivityContext().ForActivity<MapSalesforceDealActivity>("map").WithInput(read).WithInputValue("currency", "EUR");

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new MapSalesforceDealActivity().RunAsync(missing));
        var output = (await new MapSalesforceDealActivity().RunAsync(given)).CompletedOn("done")!;

        Assert.Contains("has no CurrencyIsoCode (single-currency org?): set 'currency'.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("EUR", (string?)output["project"]!["currency"]);
    }
}
