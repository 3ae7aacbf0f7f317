using ServicesSync.Definitions;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Support;
using ServicesSync.Testing.Repository;

namespace ServicesSync.Host.Tests.Cli;

/// <summary>
/// The starter templates through <c>import</c> and <c>export</c>: what a consultant imports with
/// its parameters comes out as a bundle another installation imports unchanged, and a template
/// this release cannot run is refused before anything is written.
/// </summary>
public sealed class TemplateImportExportTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public static TheoryData<string> StarterTemplates()
        => [.. Directory.GetDirectories(Path.Combine(RepositoryRoot, "templates"))
            .Where(d => File.Exists(Path.Combine(d, "workflow.json")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    private static string RepositoryRoot => RepositoryPaths.Root;

    [Theory]
    [MemberData(nameof(StarterTemplates))]
    public async Task ExportOfAnImportedStarterTemplate_ReimportsCleanlyAndUnchanged(string name)
    {
        var template = Path.Combine(RepositoryRoot, "templates", name);
        var data = folder.Combine("consultant");
        var other = folder.Combine("client");
        var bundle = folder.Combine($"{name}.bundle.json");

        var imported = await CliRunner.RunAsync("import", template, "--data", data, "--publish", "--params", Path.Combine(template, "test-params.json"));
        imported.AssertExit(ExitCodes.Ok);
        var id = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(template, "workflow.json")))!["id"]!.GetValue<string>();
        (await CliRunner.RunAsync("export", "--data", data, "--published", "--out", bundle)).AssertExit(ExitCodes.Ok);
        var reimported = await CliRunner.RunAsync("import", bundle, "--data", other, "--publish");

        reimported.AssertExit(ExitCodes.Ok);
        Assert.Equal($"{bundle}: imported '{id}' and published version 1", Assert.Single(reimported.OutputLines));
        // Warnings the template has come along; nothing is refused and nothing new appears.
        Assert.Equal(imported.ErrorLines.Length, reimported.ErrorLines.Length);
        var original = await StoreInspection.ReadAsync(data, s => s.GetPublishedAsync(id, null, CancellationToken.None));
        var copy = await StoreInspection.ReadAsync(other, s => s.GetPublishedAsync(id, null, CancellationToken.None));
        Assert.Equal(DefinitionJson.Serialize(original!.Definition), DefinitionJson.Serialize(copy!.Definition));
    }

    [Theory]
    [InlineData("future", "schemaVersion 2 is newer than this servicessync supports (1); upgrade servicessync to import it.")]
    [InlineData("unknown", "/activities/1 (activity 'post'): unknown activity type 'acme.postInvoice' [activity.unknownType]")]
    public async Task Import_TemplateThisReleaseCannotRun_IsRefusedWithAClearMessage_AndWritesNothing(string kind, string message)
    {
        var template = folder.Combine("templates", kind);
        folder.WriteFile(Path.Combine("templates", kind, "workflow.json"), kind == "future" ? SampleWorkflows.WithNewerSchemaVersion(kind) : SampleWorkflows.WithUnknownType(kind));
        folder.WriteFile(Path.Combine("templates", kind, "template.json"), """
            { "title": "Greeting", "parameters": [
              { "name": "greeting", "title": "Greeting word", "default": "Hello", "targets": [ { "variable": "greeting" } ] } ] }
            """);
        var data = folder.Combine("data");

        var result = await CliRunner.RunAsync("import", template, "--data", data);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(result.ErrorLines, l => l.Contains(message, StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.EndsWith("refused; nothing was imported from it.", StringComparison.Ordinal));
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task Import_TemplateManifestForANewerTemplateVersion_IsRefused()
    {
        var template = folder.Combine("templates", "later");
        folder.WriteFile(Path.Combine("templates", "later", "workflow.json"), SampleWorkflows.Greet("later"));
        folder.WriteFile(Path.Combine("templates", "later", "template.json"), """{ "templateVersion": 2, "title": "Later" }""");

        var result = await CliRunner.RunAsync("import", template, "--data", folder.Combine("data"));

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(result.ErrorLines, l => l.Contains("templateVersion 2", StringComparison.Ordinal) && l.Contains("Upgrade ServicesSync", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 1, "id": "broken", "activities": [ """, "workflow.json of template 'hostile' is not valid JSON at line 1, position")]
    [InlineData("""{ "schemaVersion": 1, "id": "numbered", "name": "N", "activities": [ { "id": 5, "type": "core.log" } ] }""", "targets input 'text' of activity 'greet', which its workflow does not have")]
    public async Task Import_TemplateWithAHostileWorkflowFile_IsRefusedNamingTheProblem_NotAnUnexpectedFailure(string workflow, string message)
    {
        var template = folder.Combine("templates", "hostile");
        folder.WriteFile(Path.Combine("templates", "hostile", "workflow.json"), workflow);
        folder.WriteFile(Path.Combine("templates", "hostile", "template.json"), """
            { "title": "Hostile", "parameters": [
              { "name": "greeting", "title": "Greeting word", "default": "Hello", "targets": [ { "activity": "greet", "input": "text" } ] } ] }
            """);
        var data = folder.Combine("data");

        var result = await CliRunner.RunAsync("import", template, "--data", data);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(result.ErrorLines, l => l.Contains(message, StringComparison.Ordinal));
        Assert.False(Directory.Exists(data));
    }

    public void Dispose() => folder.Dispose();
}
