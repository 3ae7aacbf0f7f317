using System.Net;
using ServicesSync.Designer.Tests.Support;

namespace ServicesSync.Designer.Tests.Design;

public sealed class TemplatesApiTests : IDisposable
{
    private readonly TempDirectory templates = new("designer-templates-");
    private readonly DesignerFactory factory;

    public TemplatesApiTests()
    {
        var good = Directory.CreateDirectory(Path.Combine(templates.Path, "time-to-erp", "samples")).Parent!.FullName;
        File.WriteAllText(Path.Combine(good, "workflow.json"), """{"schemaVersion":1,"id":"t","name":"Time to ERP","description":"Posts time","activities":[]}""");
        File.WriteAllText(Path.Combine(good, "samples", "entry.json"), """{"hours":7.5}""");
        File.WriteAllText(Path.Combine(good, "samples", "broken.json"), "{");
        var bad = Directory.CreateDirectory(Path.Combine(templates.Path, "broken")).FullName;
        File.WriteAllText(Path.Combine(bad, "workflow.json"), "{ not json");
        Directory.CreateDirectory(Path.Combine(templates.Path, "no-workflow"));
        factory = new DesignerFactory(templates.Path);
    }

    [Fact]
    public async Task List_ShowsEveryFolderWithAWorkflowAndSaysWhyABrokenOneCannotBeUsed()
    {
        using var client = factory.CreateSignedInClient();

        var body = await HttpJson.ReadAsync(await client.GetAsync("/api/v1/design/templates"));

        var list = body.EnumerateArray().ToArray();
        Assert.Equal(["broken", "time-to-erp"], list.Select(t => t.GetProperty("name").GetString()));
        Assert.Contains("workflow.json cannot be read", list[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("Time to ERP", list[1].GetProperty("title").GetString());
        Assert.Equal(["broken", "entry"], list[1].GetProperty("samples").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Get_ReturnsTheDefinitionAndSamplePayloads()
    {
        using var client = factory.CreateSignedInClient();

        var body = await HttpJson.ReadAsync(await client.GetAsync("/api/v1/design/templates/time-to-erp"));

        Assert.Equal("t", body.GetProperty("definition").GetProperty("id").GetString());
        var samples = body.GetProperty("samples").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(7.5, samples["entry"].GetProperty("payload").GetProperty("hours").GetDouble());
        Assert.Contains("cannot be read", samples["broken"].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("..")]
    [InlineData(".hidden")]
    public async Task Get_UnknownOrUnsafeName_Is404(string name)
    {
        using var client = factory.CreateSignedInClient();

        var response = await client.GetAsync($"/api/v1/design/templates/{Uri.EscapeDataString(name)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Session_SaysTemplatesAreAvailableAndHidesTheDesignTimeStandIn()
    {
        using var client = factory.CreateSignedInClient();

        var body = await HttpJson.ReadAsync(await client.GetAsync("/api/v1/design/session"));

        Assert.True(body.GetProperty("templatesAvailable").GetBoolean());
        Assert.Equal(["design.pinned"], body.GetProperty("hiddenActivityTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["read", "run", "write"], body.GetProperty("scopes").EnumerateArray().Select(t => t.GetString()));
    }

    public void Dispose()
    {
        factory.Dispose();
        templates.Dispose();
    }
}
