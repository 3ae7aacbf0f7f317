using System.Net;
using ServicesSync.Designer.Tests.Support;

namespace ServicesSync.Designer.Tests.Design;

public sealed class TestRunsApiTests : IClassFixture<DesignerFactory>
{
    private readonly DesignerFactory factory;

    public TestRunsApiTests(DesignerFactory factory) => this.factory = factory;

    [Fact]
    public async Task TestRun_PinnedFaultingActivity_CompletesWithEveryOutputInTheJournal()
    {
        using var client = factory.CreateSignedInClient();

        var response = await client.PostAsync(
            "/api/v1/design/test-runs",
            HttpJson.Content(Workflows.TestRun(Workflows.Branching, """{"name":"Ann"}""", """{"call":{"output":{"status":201}}}""")));
        var body = await HttpJson.ReadAsync(response);

        Assert.Equal("completed", body.GetProperty("status").GetString());
        Assert.Equal(["call"], body.GetProperty("pinned").EnumerateArray().Select(p => p.GetString()));
        var journal = body.GetProperty("journal").EnumerateArray().ToDictionary(e => e.GetProperty("activityId").GetString()!);
        Assert.Equal("Ann", journal["map"].GetProperty("output").GetProperty("who").GetString());
        Assert.Equal("""{"path":"yes","who":"Ann"}""", journal["yes"].GetProperty("output").GetRawText());
        Assert.Equal("""{"status":201}""", journal["call"].GetProperty("output").GetRawText());
        Assert.Equal("design.pinned", journal["call"].GetProperty("activityType").GetString());
        Assert.False(journal.ContainsKey("no"));
    }

    [Fact]
    public async Task TestRun_WithoutPins_RunsTheRealActivityAndReportsItsFault()
    {
        using var client = factory.CreateSignedInClient();

        var body = await HttpJson.ReadAsync(await client.PostAsync(
            "/api/v1/design/test-runs", HttpJson.Content(Workflows.TestRun(Workflows.Branching, """{"name":"Bo"}"""))));

        Assert.Equal("faulted", body.GetProperty("status").GetString());
        Assert.Contains(body.GetProperty("journal").EnumerateArray(), e => e.GetProperty("activityId").GetString() == "call" && e.GetProperty("kind").GetString() == "faulted");
    }

    [Fact]
    public async Task TestRun_DoesNotPublishOrSaveTheDraft()
    {
        using var client = factory.CreateSignedInClient();

        await HttpJson.ReadAsync(await client.PostAsync(
            "/api/v1/design/test-runs", HttpJson.Content(Workflows.TestRun(Workflows.Branching, "{}", """{"call":{"output":null}}"""))));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/workflows/branching")).StatusCode);
        var instances = await HttpJson.ReadAsync(await client.GetAsync("/api/v1/instances?workflow=branching"));
        Assert.All(instances.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal(0, i.GetProperty("workflowVersion").GetInt32());
            Assert.Equal("designer:test-run", i.GetProperty("correlationKey").GetString());
        });
    }

    [Fact]
    public async Task TestRun_DefinitionWithErrors_Is422WithTheProblems()
    {
        using var client = factory.CreateSignedInClient();
        var broken = Workflows.Branching.Replace("\"url\": \"http://127.0.0.1:9/refused\"", "\"method\": \"post\"", StringComparison.Ordinal);

        var body = await HttpJson.ReadAsync(await client.PostAsync("/api/v1/design/test-runs", HttpJson.Content(Workflows.TestRun(broken, "{}"))), 422);

        Assert.EndsWith("/validation-failed", body.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("activityId").GetString() == "call");
    }

    [Fact]
    public async Task TestRun_ErrorsOnlyInAPinnedActivity_DoNotBlockTheRun()
    {
        using var client = factory.CreateSignedInClient();
        var broken = Workflows.Branching.Replace("\"url\": \"http://127.0.0.1:9/refused\"", "\"method\": \"post\"", StringComparison.Ordinal);

        var body = await HttpJson.ReadAsync(await client.PostAsync(
            "/api/v1/design/test-runs", HttpJson.Content(Workflows.TestRun(broken, "{}", """{"call":{"output":"ok"}}"""))));

        Assert.Equal("completed", body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("[]", "must be an object")]
    [InlineData("""{"input":{}}""", "'definition' is required")]
    [InlineData("""{"definition":{},"pins":[]}""", "'pins' must be an object")]
    [InlineData("""{"definition":{},"pins":{"a":{"outcome":3}}}""", "'pins.a.outcome' must be a string")]
    [InlineData("""{"definition":{},"wait":-1}""", "'wait' must be a whole number")]
    [InlineData("""{"definition":{},"pin":{"a":{"output":1}}}""", "unknown property 'pin'")]
    [InlineData("""{"definition":{},"pins":{"a":{"ouput":1}}}""", "'pins.a' has an unknown property 'ouput'")]
    public async Task TestRun_BadBody_Is400NamingTheField(string body, string message)
    {
        using var client = factory.CreateSignedInClient();

        var problem = await HttpJson.ReadAsync(await client.PostAsync("/api/v1/design/test-runs", HttpJson.Content(body)), 400);

        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRun_PinOnATrigger_Is422SayingToChangeThePayload()
    {
        using var client = factory.CreateSignedInClient();

        var problem = await HttpJson.ReadAsync(await client.PostAsync(
            "/api/v1/design/test-runs", HttpJson.Content(Workflows.TestRun(Workflows.Branching, "{}", """{"hook":{"output":{}}}"""))), 422);

        Assert.Contains("change the payload instead", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRun_WithoutAKey_Is401()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/v1/design/test-runs", HttpJson.Content(Workflows.TestRun(Workflows.Branching, "{}")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
