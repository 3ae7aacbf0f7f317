using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServicesSync.Activities.Services.Finance;
using ServicesSync.Canonical;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;
using ServicesSync.Testing.Persistence;
using static ServicesSync.Activities.Services.Tests.Finance.FinanceMother;

namespace ServicesSync.Activities.Services.Tests.Finance;

public sealed class ValidateRateCardActivityTests : IDisposable
{
    private const string Csv = """
        card,scope,target,currency,effectiveFrom,effectiveTo,role,worker,task,rate
        acme-2026,customer,netsuite:customer:501,USD,2026-01-01,2026-06-30,,,,150
        acme-2026,customer,netsuite:customer:501,USD,2026-01-01,2026-06-30,Consultant,,,180
        acme-2026,customer,netsuite:customer:501,USD,2026-07-01,,Consultant,,,190
        acme-2026,customer,netsuite:customer:501,USD,2026-07-01,,,jira:ada,jira:ACME-42,"210.50"
        """;

    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private ValidateRateCardActivity Activity(string? dataDirectory = null)
        => new(Options.Create(new ServicesActivitiesOptions { DataDirectory = dataDirectory ?? data.Path }));

    private static TestActivityContext Context(JsonNode? rateCard, JsonNode? message)
        => new TestActivityContext()
            .ForActivity<ValidateRateCardActivity>("rate")
            .WithInput(message)
            .WithInputs(new JsonObject
            {
                ["project"] = CanonicalJson.ToNode(Project()),
                ["rateCard"] = rateCard?.DeepClone(),
                ["workers"] = CanonicalJson.ToNode(new[] { Worker() }),
                ["assignments"] = CanonicalJson.ToNode(new[] { Assignment() }),
            });

    private static JsonNode? Entries(params TimeEntry[] entries) => CanonicalJson.ToNode(entries);

    [Fact]
    public async Task Execute_ValidEntries_GoToValidWithPricedLinesAndTotals()
    {
        var context = Context(CanonicalJson.ToNode(CustomerCard()), Entries(Entry("10100", Day(3, 2), 5400)));

        var output = (await Activity().RunAsync(context)).CompletedOn("valid")!;

        Assert.True((bool)output["valid"]!);
        Assert.Empty(output["errors"]!.AsArray());
        var line = output["lines"]![0]!;
        TestSupport.JsonEqual("""{"system":"jira","id":"10100"}""", line["source"]);
        Assert.Equal(1.5m, (decimal)line["hours"]!);
        TestSupport.JsonEqual("""{"amount":270.0,"currency":"USD"}""", line["amount"]);
        TestSupport.JsonEqual("""{"level":"role","card":"acme-2026","effectiveFrom":"2026-01-01"}""", line["rateSource"]);
        TestSupport.JsonEqual("""{"amount":270.0,"currency":"USD"}""", output["totals"]!["amount"]);
        Assert.NotNull(output["message"]);
    }

    [Fact]
    public async Task Execute_AnyFailedRule_GoesToInvalidWithEveryReason()
    {
        var entry = Entry("10100", Day(3, 2), 3600, e => e with { ApprovalStatus = ApprovalStatus.Submitted, Worker = new ExternalRef("jira", "nobody") });
        var context = Context(CanonicalJson.ToNode(CustomerCard("EUR")), Entries(entry));

        var output = (await Activity().RunAsync(context)).CompletedOn("invalid")!;

        var rules = output["errors"]!.AsArray().Select(e => (string)e!["rule"]!).ToArray();
        Assert.Equal([RateCardRules.CardCurrency, RateCardRules.Approval, RateCardRules.WorkerUnknown, RateCardRules.WorkerAssigned, RateCardRules.RateMissing], rules);
        Assert.All(output["errors"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace((string?)e!["message"])));
    }

    [Fact]
    public async Task Execute_BatchWithOneRepeat_ResultsSayPerEntryWhichToPostAndWhy()
    {
        var context = Context(CanonicalJson.ToNode(CustomerCard()), Entries(Entry("10100", Day(3, 2), 5400), Entry("10100", Day(3, 2), 5400)));

        var output = (await Activity().RunAsync(context)).CompletedOn("invalid")!;

        var results = output["results"]!.AsArray();
        Assert.Equal([true, false], results.Select(r => (bool)r!["valid"]!));
        Assert.Equal("jira:10100", (string?)results[0]!["source"]);
        Assert.Empty(results[0]!["errors"]!.AsArray());
        Assert.Equal(RateCardRules.Duplicate, (string?)results[1]!["errors"]![0]!["rule"]);
        TestSupport.JsonEqual("""{"system":"jira","id":"10100"}""", results[0]!["entry"]!["source"]);
        Assert.Equal(1.5m, (decimal)results[0]!["line"]!["hours"]!);
    }

    [Fact]
    public async Task Execute_EntriesFromTheMessagesEntriesOrEntry()
    {
        var one = CanonicalJson.ToNode(Entry("1", Day(3, 2), 3600));
        var card = CanonicalJson.ToNode(CustomerCard());

        var fromEntries = (await Activity().RunAsync(Context(card, new JsonObject { ["entries"] = new JsonArray(one!.DeepClone()) }))).CompletedOn("valid")!;
        var fromEntry = (await Activity().RunAsync(Context(card, new JsonObject { ["entry"] = one.DeepClone() }))).CompletedOn("valid")!;
        var fromSingle = (await Activity().RunAsync(Context(card, one.DeepClone()))).CompletedOn("valid")!;

        Assert.All([fromEntries, fromEntry, fromSingle], o => Assert.Single(o["lines"]!.AsArray()));
    }

    [Fact]
    public async Task Execute_BadEntry_FailsNamingThePath()
    {
        var context = Context(CanonicalJson.ToNode(CustomerCard()), JsonNode.Parse("""[{"source":{"system":"jira","id":"1"},"worker":{"system":"jira","id":"ada"},"project":{"system":"jira","id":"ACME"},"workDate":"2026-03-32","durationSeconds":60}]"""));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity().RunAsync(context));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.StartsWith("Activity 'rate': the incoming message at '[0].workDate' is not a valid List`1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_RateCardFromACsvFile()
    {
        File.WriteAllText(data.Combine("acme.csv"), Csv);
        var context = Context("acme.csv", Entries(Entry("1", Day(6, 30), 3600), Entry("2", Day(7, 1), 3600), Entry("3", Day(7, 2), 3600, e => e with { Task = new ExternalRef("jira", "ACME-7") })));

        var output = (await Activity().RunAsync(context)).CompletedOn("valid")!;

        Assert.Equal([180m, 210.5m, 190m], output["lines"]!.AsArray().Select(l => (decimal)l!["rate"]!["amount"]!));
    }

    [Fact]
    public async Task Execute_RateCardFromAJsonFileInASubfolder()
    {
        Directory.CreateDirectory(data.Combine("rates"));
        File.WriteAllText(data.Combine(Path.Combine("rates", "acme.json")), CanonicalJson.ToNode(new[] { CustomerCard() })!.ToJsonString());

        var output = (await Activity().RunAsync(Context("rates/acme.json", Entries(Entry("1", Day(3, 2), 3600))))).CompletedOn("valid")!;

        Assert.Equal(180m, (decimal)output["lines"]![0]!["rate"]!["amount"]!);
    }

    [Theory]
    [InlineData("../secrets.json", "names '../secrets.json', which is outside the data directory; rate card files must lie under it.")]
    [InlineData("/etc/passwd", "names '/etc/passwd', which is outside the data directory; rate card files must lie under it.")]
    [InlineData("missing.csv", "names 'missing.csv', which does not exist under the data directory.")]
    public async Task Execute_BadPath_FailsNamingTheInput(string path, string problem)
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity().RunAsync(Context(path, Entries(Entry("1", Day(3, 2), 3600)))));

        Assert.Equal($"Activity 'rate' (finance.validateRateCard): input 'rateCard' {problem}", ex.Message);
    }

    [Fact]
    public async Task Execute_FileWithoutADataDirectory_IsRefused()
    {
        var activity = new ValidateRateCardActivity(Options.Create(new ServicesActivitiesOptions()));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => activity.RunAsync(Context("acme.csv", Entries(Entry("1", Day(3, 2), 3600)))));

        Assert.Contains("this runtime has no data directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_CsvWithBadCells_ReportsEveryLine()
    {
        File.WriteAllText(data.Combine("bad.csv"), """
            card,scope,target,currency,effectiveFrom,effectiveTo,role,worker,task,rate
            a,customer,,USD,2026-01-01,,,,,150
            a,default,,USD,01/07/2026,,,,,160
            a,default,,USD,2026-01-01,,,,,lots
            """);

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity().RunAsync(Context("bad.csv", Entries(Entry("1", Day(3, 2), 3600)))));

        Assert.Equal(
            "The rate card file 'bad.csv' has errors: line 2: a customer card needs a target such as netsuite:customer:501; "
            + "line 3: effectiveFrom '01/07/2026' is not a date such as 2026-01-31; line 4: rate 'lots' is not a number such as 150 or 162.50.",
            ex.Message);
    }

    [Fact]
    public async Task Execute_CsvThatIsNotWellFormed_NamesLineAndColumn_InsteadOfGuessing()
    {
        File.WriteAllText(data.Combine("broken.csv"), """
            card,scope,target,currency,effectiveFrom,effectiveTo,role,worker,task,rate
            a,default,,USD,2026-01-01,,"senior,,,150
            """);

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity().RunAsync(Context("broken.csv", Entries(Entry("1", Day(3, 2), 3600)))));

        Assert.Equal("The rate card file 'broken.csv' has errors: line 2, column 7: a quoted field is never closed.", ex.Message);
    }

    [Fact]
    public void Descriptor_HasTheTwoOutcomesAndRequiredInputs()
    {
        var descriptor = ActivityDescriptorFactory.Create<ValidateRateCardActivity>();

        Assert.Equal("finance.validateRateCard", descriptor.Type);
        Assert.Equal(["valid", "invalid"], descriptor.Outcomes.Select(o => o.Name));
        Assert.True(descriptor.FindInput("project")!.Required);
        Assert.True(descriptor.FindInput("rateCard")!.Required);
        Assert.False(descriptor.FindInput("workers")!.Required);
        Assert.Equal(5, (int)descriptor.FindInput("nearDuplicateMinutes")!.Default!);
    }
}
