using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServicesSync.Activities.Services.Finance;
using ServicesSync.Activities.Services.Mapping;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Canonical;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;
using static ServicesSync.Activities.Services.Tests.Finance.FinanceMother;

namespace ServicesSync.Activities.Services.Tests.Finance;

public class BuildBillingEventActivityTests
{
    private static readonly Milestone GoLive = new()
    {
        Source = new ExternalRef("jira", "ACME-7"), Project = AcmeProject, Name = "Go-live", Amount = new Money(40000m, "USD"), CompletedOn = Day(5, 29),
    };

    private static async Task<ActivityResult> BuildAsync(JsonObject inputs, JsonNode? message = null)
        => await new BuildBillingEventActivity().RunAsync(new TestActivityContext().ForActivity<BuildBillingEventActivity>("bill").WithInput(message).WithInputs(inputs));

    private static async Task<JsonObject> ValidateAsync(params TimeEntry[] entries)
    {
        var context = new TestActivityContext().ForActivity<ValidateRateCardActivity>("rate").WithInput(CanonicalJson.ToNode(entries)).WithInputs(new JsonObject
        {
            ["project"] = CanonicalJson.ToNode(Project(p => p with { Rounding = new RoundingRule(15, RoundingMethod.Up) })),
            ["rateCard"] = CanonicalJson.ToNode(CustomerCard()),
        });
        var result = Assert.IsType<CompletedResult>(await new ValidateRateCardActivity(Options.Create(new ServicesActivitiesOptions())).RunAsync(context));
        return result.Output!.AsObject();
    }

    [Fact]
    public async Task Milestone_Completed_BecomesAMilestoneEventKeyedByTheMilestone()
    {
        var inputs = new JsonObject { ["kind"] = "milestone", ["project"] = CanonicalJson.ToNode(Project()) };

        var built = CanonicalJson.FromNode<BillingEvent>((await BuildAsync(inputs, CanonicalJson.ToNode(GoLive))).CompletedOn("built"), "event");

        Assert.Equal((new ExternalRef("servicessync", "milestone:jira:ACME-7"), BillingEventKind.Milestone, Day(5, 29)), (built.Source, built.Kind, built.Date));
        Assert.Equal((new Money(40000m, "USD"), AcmeCustomer), (built.Total, built.Customer));
        Assert.Equal("Go-live", Assert.Single(built.Lines).Description);
    }

    [Fact]
    public async Task Milestone_NotCompleted_IsRefused()
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => BuildAsync(new JsonObject { ["kind"] = "milestone" }, CanonicalJson.ToNode(GoLive with { CompletedOn = null })));

        Assert.Equal("Activity 'bill' (finance.buildBillingEvent): Billing event: milestone 'Go-live' (jira:ACME-7) is not completed; only completed milestones are billed.", ex.Message);
    }

    [Fact]
    public async Task Milestone_InAnotherCurrency_IsRefused()
    {
        var inputs = new JsonObject { ["kind"] = "milestone", ["project"] = CanonicalJson.ToNode(Project()) };

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => BuildAsync(inputs, CanonicalJson.ToNode(GoLive with { Amount = new Money(40000m, "EUR") })));

        Assert.Contains("is in EUR but project 'Acme ERP rollout' bills in USD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_ValidatedLines_BecomeOneTimeEventWithTheValidatorsTotal()
    {
        var validation = await ValidateAsync(Entry("1", Day(3, 2), 600), Entry("2", Day(3, 3), 3000));

        var built = CanonicalJson.FromNode<BillingEvent>(
            (await BuildAsync(new JsonObject { ["project"] = CanonicalJson.ToNode(Project()) }, validation)).CompletedOn("built"), "event");

        Assert.Equal((BillingEventKind.Time, ExternalRef.Canonical("prj-1"), Day(3, 3)), (built.Kind, built.Project, built.Date));
        Assert.Equal([(0.166667m, 0.25m, 37.5m), (0.833333m, 1m, 150m)], built.Lines.Select(l => (l.RawHours!.Value, l.Hours!.Value, l.Amount.Amount)));
        Assert.Equal(new Money(187.5m, "USD"), built.Total);
        Assert.Equal("Time from 2026-03-02 to 2026-03-03", built.Description);
    }

    [Fact]
    public async Task Time_TheSameEntriesInAnotherOrder_GiveTheSameKey()
    {
        var project = new JsonObject { ["project"] = CanonicalJson.ToNode(Project()) };
        var a = (await BuildAsync(project.DeepClone().AsObject(), await ValidateAsync(Entry("1", Day(3, 2), 600), Entry("2", Day(3, 3), 3000)))).CompletedOn("built");
        var b = (await BuildAsync(project.DeepClone().AsObject(), await ValidateAsync(Entry("2", Day(3, 3), 3000), Entry("1", Day(3, 2), 600)))).CompletedOn("built");
        var c = (await BuildAsync(project.DeepClone().AsObject(), await ValidateAsync(Entry("1", Day(3, 2), 600)))).CompletedOn("built");

        TestSupport.JsonEqual(a!["source"]!.ToJsonString(), b!["source"]);
        Assert.NotEqual((string?)a["source"]!["id"], (string?)c!["source"]!["id"]);
        Assert.StartsWith("time:canonical:prj-1:", (string?)a["source"]!["id"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_InvalidValidation_IsRefusedWithItsReasons()
    {
        var validation = await ValidateAsync(Entry("1", Day(3, 2), 600, e => e with { ApprovalStatus = ApprovalStatus.Submitted }));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => BuildAsync(new JsonObject { ["project"] = CanonicalJson.ToNode(Project()) }, validation));

        Assert.Contains("only valid time is billed (Project 'Acme ERP rollout' bills approved time only; the entry is submitted.)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_NothingPriced_GoesToNothingToBill()
    {
        var validation = await ValidateAsync(Entry("1", Day(3, 2), 600, e => e with { Type = TimeEntryType.Internal }));

        Assert.IsType<CompletedResult>(await BuildAsync(new JsonObject { ["project"] = CanonicalJson.ToNode(Project()) }, validation)).CompletedOn("nothingToBill");
    }

    [Fact]
    public async Task EndToEnd_JiraWebhookToBillingEvent()
    {
        // Webhook → fetch issue → canonical entry (local date) → rate card → billing event.
        await using var harness = new ReaderHarness();
        await using var jira = new JiraWorklogScenario();
        await jira.ArrangeAsync(harness);
        var worklog = (await jira.RunAsync(harness)).CompletedOn("worklog");
        var entry = (await new MapJiraWorklogActivity().RunAsync(new TestActivityContext().ForActivity<MapJiraWorklogActivity>("map")
            .WithInput(worklog).WithInputValue("approvalStatus", "approved"))).CompletedOn("done");
        var worker = Worker() with { Refs = [new ExternalRef("jira", "5b10ac8d82e05b22cc7d4ef5")] };
        var validated = (await new ValidateRateCardActivity(Options.Create(new ServicesActivitiesOptions())).RunAsync(new TestActivityContext().ForActivity<ValidateRateCardActivity>("rate")
            .WithInput(entry)
            .WithInputs(new JsonObject
            {
                ["project"] = CanonicalJson.ToNode(Project()),
                ["rateCard"] = CanonicalJson.ToNode(CustomerCard()),
                ["workers"] = CanonicalJson.ToNode(new[] { worker }),
            }))).CompletedOn("valid");

        var built = CanonicalJson.FromNode<BillingEvent>(
            (await BuildAsync(new JsonObject { ["project"] = CanonicalJson.ToNode(Project()) }, validated)).CompletedOn("built"), "event");

        var line = Assert.Single(built.Lines);
        Assert.Equal((Day(3, 1), new ExternalRef("jira", "10100"), new ExternalRef("jira", "ACME-42")), (line.WorkDate!.Value, line.Source, line.Task));
        Assert.Equal(new Money(270m, "USD"), built.Total);
    }
}
