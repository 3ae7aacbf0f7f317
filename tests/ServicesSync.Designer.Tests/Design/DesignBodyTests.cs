using System.Net.Http.Headers;
using System.Text;
using ServicesSync.Designer.Tests.Support;

namespace ServicesSync.Designer.Tests.Design;

/// <summary>Bodies that are JSON only at first sight: a repeated property name, bytes that are not UTF-8.</summary>
public sealed class DesignBodyTests : IClassFixture<DesignerFactory>
{
    private readonly DesignerFactory factory;

    public DesignBodyTests(DesignerFactory factory) => this.factory = factory;

    [Theory]
    [InlineData("/api/v1/design/test-runs", """{"definition":{},"definition":{}}""")]
    [InlineData("/api/v1/design/templates/none/instantiate", """{"parameters":{},"parameters":{}}""")]
    public async Task Post_DuplicatePropertyName_IsMalformedJson(string route, string body)
    {
        using var client = factory.CreateSignedInClient();

        var problem = await HttpJson.ReadAsync(await client.PostAsync(route, HttpJson.Content(body)), 400);

        Assert.EndsWith("/malformed-json", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains("Duplicate", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TestRun_InputWithInvalidUtf8_IsABadRequestNamingTheOffset()
    {
        using var client = factory.CreateSignedInClient();
        var bytes = Encoding.UTF8.GetBytes(Workflows.TestRun(Workflows.Branching, """{"name":"#"}"""));
        var offset = Array.IndexOf(bytes, (byte)'#');
        bytes[offset] = 0xFF;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var problem = await HttpJson.ReadAsync(await client.PostAsync("/api/v1/design/test-runs", content), 400);

        Assert.EndsWith("/invalid-request", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains($"offset {offset}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_DuplicatePropertyName_StaysAProblemWithItsPointer()
    {
        using var client = factory.CreateSignedInClient();

        var body = await HttpJson.ReadAsync(await client.PostAsync(
            "/api/v1/design/validate", HttpJson.Content("""{"schemaVersion":1,"id":"a","id":"b","name":"x","activities":[],"connections":[]}""")));

        Assert.False(body.GetProperty("readable").GetBoolean());
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "json.duplicateProperty" && p.GetProperty("path").GetString() == "/id");
    }
}
