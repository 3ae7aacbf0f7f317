using System.Net;
using ServicesSync.Designer.Tests.Support;

namespace ServicesSync.Designer.Tests.Design;

public sealed class ValidateApiTests : IClassFixture<DesignerFactory>
{
    private readonly DesignerFactory factory;

    public ValidateApiTests(DesignerFactory factory) => this.factory = factory;

    [Fact]
    public async Task Validate_ValidDefinition_IsReadableWithoutProblems()
    {
        using var client = factory.CreateSignedInClient();

        var body = await HttpJson.ReadAsync(await client.PostAsync("/api/v1/design/validate", HttpJson.Content(Workflows.Branching)));

        Assert.True(body.GetProperty("readable").GetBoolean());
        Assert.Empty(body.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task Validate_UnknownActivityType_ReportsItWithPathAndActivity()
    {
        using var client = factory.CreateSignedInClient();
        var json = """{"schemaVersion":1,"id":"u","name":"U","activities":[{"id":"x","type":"erp.postEverything"}]}""";

        var body = await HttpJson.ReadAsync(await client.PostAsync("/api/v1/design/validate", HttpJson.Content(json)));

        var problem = Assert.Single(body.GetProperty("problems").EnumerateArray());
        Assert.Equal("/activities/0/type", problem.GetProperty("path").GetString());
        Assert.Equal("x", problem.GetProperty("activityId").GetString());
        Assert.Equal("error", problem.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Validate_ForeignDocument_IsNotReadable()
    {
        using var client = factory.CreateSignedInClient();

        var body = await HttpJson.ReadAsync(await client.PostAsync("/api/v1/design/validate", HttpJson.Content("""{"nodes":[],"connections":{}}""")));

        Assert.False(body.GetProperty("readable").GetBoolean());
        Assert.NotEmpty(body.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task Validate_MalformedJson_Is400WithTheLine()
    {
        using var client = factory.CreateSignedInClient();

        var body = await HttpJson.ReadAsync(await client.PostAsync("/api/v1/design/validate", HttpJson.Content("{\n\"a\": }")), 400);

        Assert.EndsWith("/malformed-json", body.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, body.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Validate_BodyOverFiveMegabytes_Is413()
    {
        using var client = factory.CreateSignedInClient();
        var huge = $$"""{"schemaVersion":1,"id":"h","name":"H","description":"{{new string('x', 5 * 1024 * 1024)}}"}""";

        var response = await client.PostAsync("/api/v1/design/validate", HttpJson.Content(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
