using System.Net;
using System.Text.Json;
using ServicesSync.Designer.Tests.Support;

namespace ServicesSync.Designer.Tests.Design;

public sealed class TemplateInstantiateApiTests : IDisposable
{
    private const string Url = "/api/v1/design/templates/rate-sync/instantiate";
    private const string RateCard = """{ "id": "standard-2026", "currency": "EUR" }""";

    private readonly TempDirectory templates = new("designer-instantiate-");
    private readonly DesignerFactory factory;

    public TemplateInstantiateApiTests()
    {
        TemplateFixtures.WriteRateSync(templates.Path, "rate-sync");
        TemplateFixtures.WriteRateSync(templates.Path, "from-the-future", schemaVersion: 2);
        TemplateFixtures.WriteRateSync(templates.Path, "needs-a-plugin", extraActivityType: "acme.postEverything");
        factory = new DesignerFactory(templates.Path);
    }

    [Fact]
    public async Task Get_ExposesEachParameterForTheForm_WithoutWhereItIsWritten()
    {
        using var client = factory.CreateSignedInClient();

        var body = await HttpJson.ReadAsync(await client.GetAsync("/api/v1/design/templates/rate-sync"));

        Assert.Equal("Rate sync (test)", body.GetProperty("title").GetString());
        var parameters = body.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["erpConnection", "rateCard", "cron", "roundingMinutes"], parameters.Keys);
        Assert.Equal("connection", parameters["erpConnection"].GetProperty("kind").GetString());
        Assert.Equal("rest", parameters["erpConnection"].GetProperty("connectionType").GetString());
        Assert.True(parameters["rateCard"].GetProperty("required").GetBoolean());
        Assert.Equal("Rates per role and date.", parameters["rateCard"].GetProperty("description").GetString());
        Assert.False(parameters["cron"].GetProperty("required").GetBoolean());
        Assert.Equal("0 0 6 ? * *", parameters["cron"].GetProperty("default").GetString());
        Assert.Equal(15, parameters["roundingMinutes"].GetProperty("default").GetInt32());
        Assert.False(parameters["cron"].TryGetProperty("targets", out _));
    }

    [Fact]
    public async Task Instantiate_WithEveryRequiredValue_ReturnsTheDefinitionWithTheValuesWritten_AndSavesNothing()
    {
        using var client = factory.CreateSignedInClient();
        await CreateConnectionAsync(client, "erp-sandbox", "rest");

        var response = await client.PostAsync(Url, HttpJson.Content($$"""
            { "parameters": { "erpConnection": "erp-sandbox", "rateCard": {{RateCard}}, "roundingMinutes": 6 } }
            """));

        var body = await HttpJson.ReadAsync(response, 200);
        var definition = body.GetProperty("definition");
        var activities = definition.GetProperty("activities").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        Assert.Equal("erp-sandbox", activities["fetch"].GetProperty("inputs").GetProperty("connection").GetString());
        Assert.Equal("0 0 6 ? * *", activities["schedule"].GetProperty("inputs").GetProperty("cron").GetString());
        Assert.Equal("EUR", definition.GetProperty("variables").GetProperty("rateCard").GetProperty("currency").GetString());
        Assert.Equal(6, definition.GetProperty("variables").GetProperty("roundingMinutes").GetInt32());
        Assert.DoesNotContain(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("severity").GetString() == "error");
        Assert.DoesNotContain("canary-token", body.GetRawText(), StringComparison.Ordinal);
        var workflows = await HttpJson.ReadAsync(await client.GetAsync("/api/v1/workflows"));
        Assert.Equal(0, workflows.GetArrayLength());
    }

    [Fact]
    public async Task Instantiate_MissingRequiredParameters_Is422NamingEachParameter()
    {
        using var client = factory.CreateSignedInClient();

        var response = await client.PostAsync(Url, HttpJson.Content("""{ "parameters": {} }"""));

        var problem = await HttpJson.ReadAsync(response, 422);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problems = ByParameter(problem);
        Assert.Equal(["erpConnection", "rateCard"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("parameter.required", problems["rateCard"].GetProperty("code").GetString());
        Assert.Contains("needs parameter 'rateCard' (Rate card)", problems["rateCard"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("the id of a rest connection", problems["erpConnection"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("--param", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("2 problems", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instantiate_ValuesOfTheWrongKindAndUnknownParameters_AreEachNamed()
    {
        using var client = factory.CreateSignedInClient();
        await CreateConnectionAsync(client, "erp-sandbox", "rest");

        var response = await client.PostAsync(Url, HttpJson.Content("""
            { "parameters": { "erpConnection": "erp-sandbox", "rateCard": "{ not json", "roundingMinutes": "quarter", "colour": "blue" } }
            """));

        var problems = ByParameter(await HttpJson.ReadAsync(response, 422));
        Assert.Equal("parameter.kind", problems["rateCard"].GetProperty("code").GetString());
        Assert.Contains("must be JSON", problems["rateCard"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("must be a number", problems["roundingMinutes"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("parameter.unknown", problems["colour"].GetProperty("code").GetString());
        Assert.Equal("/parameters/colour", problems["colour"].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Instantiate_UnknownConnectionOrOneOfAnotherType_Is422ListingTheChoices()
    {
        using var client = factory.CreateSignedInClient();
        await CreateConnectionAsync(client, "erp-sandbox", "rest");
        await CreateConnectionAsync(client, "tryton-local", "tryton");

        var unknown = ByParameter(await HttpJson.ReadAsync(
            await client.PostAsync(Url, HttpJson.Content($$"""{ "parameters": { "erpConnection": "erp-prod", "rateCard": {{RateCard}} } }""")), 422));
        var wrongType = ByParameter(await HttpJson.ReadAsync(
            await client.PostAsync(Url, HttpJson.Content($$"""{ "parameters": { "erpConnection": "tryton-local", "rateCard": {{RateCard}} } }""")), 422));

        Assert.Equal("parameter.unknownConnection", unknown["erpConnection"].GetProperty("code").GetString());
        Assert.Contains("'erp-prod', which does not exist; choose one of 'erp-sandbox'", unknown["erpConnection"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("parameter.connectionType", wrongType["erpConnection"].GetProperty("code").GetString());
        Assert.Contains("'tryton-local' is a tryton connection", wrongType["erpConnection"].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instantiate_ACronTheSchedulerCannotUse_Is422NextToTheCronParameter()
    {
        using var client = factory.CreateSignedInClient();
        await CreateConnectionAsync(client, "erp-sandbox", "rest");

        var response = await client.PostAsync(Url, HttpJson.Content($$"""
            { "parameters": { "erpConnection": "erp-sandbox", "rateCard": {{RateCard}}, "cron": "every morning" } }
            """));

        var problems = ByParameter(await HttpJson.ReadAsync(response, 422));
        Assert.Equal(["cron"], problems.Keys);
        Assert.Equal("schedule", problems["cron"].GetProperty("activityId").GetString());
        Assert.Contains("Quartz cron", problems["cron"].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from-the-future", "schemaVersion.unsupported", "made for schemaVersion 2")]
    [InlineData("needs-a-plugin", "activity.unknownType", "acme.postEverything")]
    public async Task Instantiate_TemplateThisServerCannotRun_Is422WithAClearMessage(string name, string code, string message)
    {
        using var client = factory.CreateSignedInClient();
        await CreateConnectionAsync(client, "erp-sandbox", "rest");

        var response = await client.PostAsync($"/api/v1/design/templates/{name}/instantiate", HttpJson.Content($$"""
            { "parameters": { "erpConnection": "erp-sandbox", "rateCard": {{RateCard}} } }
            """));

        var problem = await HttpJson.ReadAsync(response, 422);
        var only = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal(code, only.GetProperty("code").GetString());
        Assert.Contains(message, only.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, only.GetProperty("parameter").ValueKind);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData(".hidden")]
    public async Task Instantiate_UnknownTemplate_Is404(string name)
    {
        using var client = factory.CreateSignedInClient();

        var response = await client.PostAsync($"/api/v1/design/templates/{Uri.EscapeDataString(name)}/instantiate", HttpJson.Content("{}"));

        var problem = await HttpJson.ReadAsync(response, 404);
        Assert.Contains($"no template '{name}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instantiate_WithoutAnApiKey_Is401()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync(Url, HttpJson.Content("""{ "parameters": {} }"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "parameters": {}, "secrets": { "token": "hunter2" } }""", "'secrets'")]
    [InlineData("""{ "parameters": ["erp"] }""", "'parameters' must be a JSON object")]
    [InlineData("""[1]""", "must be a JSON object")]
    public async Task Instantiate_BodyWithAnythingButParameterValues_Is400(string body, string message)
    {
        using var client = factory.CreateSignedInClient();

        var problem = await HttpJson.ReadAsync(await client.PostAsync(Url, HttpJson.Content(body)), 400);

        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        factory.Dispose();
        templates.Dispose();
    }

    private static Dictionary<string, JsonElement> ByParameter(JsonElement problem)
        => problem.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("parameter").ValueKind == JsonValueKind.String)
            .ToDictionary(p => p.GetProperty("parameter").GetString()!);

    private static async Task CreateConnectionAsync(HttpClient client, string id, string type)
    {
        var response = await client.PostAsync("/api/v1/connections", HttpJson.Content($$"""
            { "id": "{{id}}", "type": "{{type}}", "baseUrl": "https://{{id}}.example.com/", "auth": { "kind": "bearer", "token": "canary-token" } }
            """));
        await HttpJson.ReadAsync(response, 201);
    }
}
