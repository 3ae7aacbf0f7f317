using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.CrossReference;
using ServicesSync.Errors;
using ServicesSync.Persistence;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.CrossReference;

public class XrefActivitiesTests
{
    private readonly IWorkflowStore store = TestSupport.NewStore();
    private static readonly DateTimeOffset Linked = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private async Task SeedAsync()
    {
        await store.LinkCrossReferenceAsync(new CrossReferenceRecord("worker", "wrk-1", "jira", "5b10ac8d", Linked), CancellationToken.None);
        await store.LinkCrossReferenceAsync(new CrossReferenceRecord("worker", "wrk-1", "netsuite", "881", Linked), CancellationToken.None);
        await store.LinkCrossReferenceAsync(new CrossReferenceRecord("worker", "wrk-2", "jira", "77aa", Linked), CancellationToken.None);
    }

    private static TestActivityContext Lookup<TActivity>(string id, string? target = null)
        where TActivity : IActivity
        => new TestActivityContext()
            .ForActivity<TActivity>("who")
            .WithInput(JsonNode.Parse("""{ "worklogId": "10100" }"""))
            .WithInputs(new JsonObject { ["entityType"] = "worker", ["system"] = "jira", ["id"] = id, ["targetSystem"] = target });

    [Fact]
    public async Task Lookup_LinkedId_IsFoundWithTargetIdLinksAndTheMessage()
    {
        await SeedAsync();

        var output = (await new XrefLookupActivity(store).RunAsync(Lookup<XrefLookupActivity>("5b10ac8d", "netsuite"))).CompletedOn("found");

        TestSupport.JsonEqual(
            """
            { "entityType": "worker", "system": "jira", "id": "5b10ac8d", "canonicalId": "wrk-1", "targetSystem": "netsuite", "targetId": "881",
              "links": { "jira": "5b10ac8d", "netsuite": "881" }, "message": { "worklogId": "10100" } }
            """,
            output);
    }

    [Fact]
    public async Task Lookup_UnlinkedId_IsMissingWithAReason()
    {
        await SeedAsync();

        var output = (await new XrefLookupActivity(store).RunAsync(Lookup<XrefLookupActivity>("unknown"))).CompletedOn("missing");

        Assert.Equal("No cross-reference for worker jira:unknown: it is not linked to any canonical worker.", (string?)output!["reason"]);
        Assert.Null(output["canonicalId"]);
    }

    [Fact]
    public async Task Lookup_LinkedButNotInTheTargetSystem_IsMissing()
    {
        await SeedAsync();

        var output = (await new XrefLookupActivity(store).RunAsync(Lookup<XrefLookupActivity>("77aa", "netsuite"))).CompletedOn("missing");

        Assert.Equal("wrk-2", (string?)output!["canonicalId"]);
        Assert.Equal("No cross-reference for worker jira:77aa in netsuite: canonical worker wrk-2 has no netsuite id.", (string?)output["reason"]);
    }

    [Fact]
    public async Task Lookup_NeverMatchesBySimilarity()
    {
        await SeedAsync();

        foreach (var near in new[] { "5B10AC8D", "5b10ac8d ", "5b10ac8", " 5b10ac8d" })
        {
            (await new XrefLookupActivity(store).RunAsync(Lookup<XrefLookupActivity>(near))).CompletedOn("missing");
        }
    }

    [Fact]
    public async Task Require_Found_ContinuesOnFound()
    {
        await SeedAsync();

        var output = (await new XrefRequireActivity(store).RunAsync(Lookup<XrefRequireActivity>("5b10ac8d", "netsuite"))).CompletedOn("found");

        Assert.Equal("881", (string?)output!["targetId"]);
    }

    [Fact]
    public async Task Require_Missing_DeadLettersTheMessageWithTheReason()
    {
        await SeedAsync();
        var context = Lookup<XrefRequireActivity>("77aa", "netsuite").WithInputValue("reason", "Worker not provisioned in the ERP");

        var parked = Assert.IsType<DeadLetteredResult>(await new XrefRequireActivity(store).RunAsync(context));

        Assert.Equal(
            "Worker not provisioned in the ERP (No cross-reference for worker jira:77aa in netsuite: canonical worker wrk-2 has no netsuite id.)",
            parked.Reason);
        TestSupport.JsonEqual("""{ "worklogId": "10100" }""", parked.Message);
    }

    [Fact]
    public async Task Link_NewPair_IsCreatedAndSecondTimeUnchanged()
    {
        var context = new TestActivityContext().ForActivity<XrefLinkActivity>("link")
            .WithInputs(new JsonObject { ["entityType"] = "worker", ["canonicalId"] = "wrk-1", ["system"] = "netsuite", ["id"] = "881" });

        var first = (await new XrefLinkActivity(store).RunAsync(context)).CompletedOn("linked");
        var second = (await new XrefLinkActivity(store).RunAsync(context)).CompletedOn("linked");

        Assert.Equal("created", (string?)first!["status"]);
        Assert.Equal("unchanged", (string?)second!["status"]);
        Assert.Single(await store.ListCrossReferencesAsync("worker", "wrk-1", CancellationToken.None));
    }

    [Fact]
    public async Task Link_WithoutCanonicalId_MintsOneOnceAndReusesIt()
    {
        var context = new TestActivityContext().ForActivity<XrefLinkActivity>("link")
            .WithInputs(new JsonObject { ["entityType"] = "worker", ["system"] = "bamboohr", ["id"] = "123" });

        var first = (await new XrefLinkActivity(store).RunAsync(context)).CompletedOn("linked");
        var again = (await new XrefLinkActivity(store).RunAsync(context)).CompletedOn("linked");

        var minted = (string?)first!["canonicalId"];
        Assert.StartsWith("worker-", minted, StringComparison.Ordinal);
        Assert.Equal(minted, (string?)again!["canonicalId"]);
        Assert.Equal("unchanged", (string?)again["status"]);
    }

    [Fact]
    public async Task Link_ContradictingLink_GoesToConflictAndChangesNothing()
    {
        await SeedAsync();
        var context = new TestActivityContext().ForActivity<XrefLinkActivity>("link")
            .WithInputs(new JsonObject { ["entityType"] = "worker", ["canonicalId"] = "wrk-1", ["system"] = "netsuite", ["id"] = "999" });

        var output = (await new XrefLinkActivity(store).RunAsync(context)).CompletedOn("conflict");

        Assert.Equal("worker wrk-1 is already linked to netsuite:881.", (string?)output!["reason"]);
        Assert.Null(await store.FindCrossReferenceAsync("worker", "netsuite", "999", CancellationToken.None));
    }

    [Fact]
    public async Task Lookup_BlankId_FailsNamingTheInput()
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new XrefLookupActivity(store).RunAsync(Lookup<XrefLookupActivity>(" ")));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal("Activity 'who' (xref.lookup): input 'id' is required and must not be blank.", ex.Message);
    }

    [Fact]
    public async Task Resolver_FindsTheTargetIdOrTheCanonicalId()
    {
        await SeedAsync();
        var resolver = new CrossReferenceResolver(store);

        Assert.Equal("881", await resolver.FindAsync("worker", "jira", "5b10ac8d", "netsuite", CancellationToken.None));
        Assert.Equal("wrk-1", await resolver.FindAsync("worker", "jira", "5b10ac8d", "canonical", CancellationToken.None));
        Assert.Null(await resolver.FindAsync("worker", "jira", "77aa", "netsuite", CancellationToken.None));
    }
}
