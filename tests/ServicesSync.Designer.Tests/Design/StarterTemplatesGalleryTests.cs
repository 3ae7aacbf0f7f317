using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Designer.Tests.Support;
using ServicesSync.Persistence;
using ServicesSync.Testing.Repository;

namespace ServicesSync.Designer.Tests.Design;

/// <summary>
/// The repository's own templates/ through the gallery's routes: each is listed with its
/// parameters, and instantiated with its test-params.json (the values the CLI's data-driven test
/// uses) once the connections they name exist, with no error left.
/// </summary>
public sealed class StarterTemplatesGalleryTests : IDisposable
{
    private static readonly string TemplatesDirectory = RepositoryPaths.TemplatesDirectory;

    private readonly DesignerFactory factory = new(TemplatesDirectory);

    public static TheoryData<string> StarterTemplates() => [.. Names()];

    [Fact]
    public async Task List_ShowsEveryStarterTemplateWithItsManifestTitleAndParameterCount()
    {
        using var client = factory.CreateSignedInClient();

        var list = (await HttpJson.ReadAsync(await client.GetAsync("/api/v1/design/templates"))).EnumerateArray().ToArray();

        Assert.Equal(Names(), list.Select(t => t.GetProperty("name").GetString()!));
        Assert.All(list, t =>
        {
            Assert.Equal(JsonValueKind.Null, t.GetProperty("error").ValueKind);
            Assert.True(t.GetProperty("parameterCount").GetInt32() > 0, t.GetProperty("name").GetString());
        });
    }

    [Theory]
    [MemberData(nameof(StarterTemplates))]
    public async Task Instantiate_WithTheTemplatesTestParameters_ReturnsAValidDefinition(string name)
    {
        using var client = factory.CreateSignedInClient();
        var folder = Path.Combine(TemplatesDirectory, name);
        var values = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "test-params.json")))!.AsObject();
        var detail = await HttpJson.ReadAsync(await client.GetAsync($"/api/v1/design/templates/{name}"));
        await CreateConnectionsAsync(detail, values);

        var response = await client.PostAsync($"/api/v1/design/templates/{name}/instantiate", HttpJson.Content(new JsonObject { ["parameters"] = values.DeepClone() }.ToJsonString()));

        var body = await HttpJson.ReadAsync(response, 200);
        var workflowId = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "workflow.json")))!["id"]!.GetValue<string>();
        Assert.Equal(workflowId, body.GetProperty("definition").GetProperty("id").GetString());
        Assert.DoesNotContain(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("severity").GetString() == "error");
    }

    public void Dispose() => factory.Dispose();

    private static string[] Names()
        => [.. Directory.GetDirectories(TemplatesDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The connections the test values name, straight into the store: only their ids and types matter here.</summary>
    private async Task CreateConnectionsAsync(JsonElement detail, JsonObject values)
    {
        var store = factory.Services.GetRequiredService<IConnectionStore>();
        var now = DateTimeOffset.UnixEpoch;
        foreach (var parameter in detail.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "connection"))
        {
            var id = values[parameter.GetProperty("name").GetString()!]?.GetValue<string>() ?? parameter.GetProperty("default").GetString()!;
            if (await store.GetConnectionAsync(id, CancellationToken.None) is null)
            {
                await store.AddConnectionAsync(new ConnectionRecord(id, parameter.GetProperty("connectionType").GetString()!, "{}", null, now, now), CancellationToken.None);
            }
        }
    }
}
