using System.Text.Json;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Cli;

public sealed class ImportExportCommandTests : IDisposable
{
    private readonly TempDirectory folder = new();

    private string Data => folder.Combine("data");

    [Fact]
    public async Task Import_File_SavesADraft_AndExits0()
    {
        var file = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));

        var result = await CliRunner.RunAsync("import", file, "--data", Data);

        result.AssertExit(ExitCodes.Ok);
        Assert.Equal($"{file}: imported 'greet' as a draft", Assert.Single(result.OutputLines));
        var draft = await StoreInspection.ReadAsync(Data, s => s.GetDraftAsync("greet", CancellationToken.None));
        Assert.Equal("Greet", draft!.Definition.Name);
        Assert.Null(await StoreInspection.ReadAsync(Data, s => s.GetPublishedAsync("greet", null, CancellationToken.None)));
    }

    [Fact]
    public async Task Import_TemplateFolderWithPublish_PublishesOnce_AndReimportIsUnchanged()
    {
        var template = folder.Combine("templates", "greeting");
        folder.WriteFile(Path.Combine("templates", "greeting", "workflow.json"), SampleWorkflows.Greet("greeting"));

        var first = await CliRunner.RunAsync("import", template, "--data", Data, "--publish");
        var second = await CliRunner.RunAsync("import", template, "--data", Data, "--publish");

        first.AssertExit(ExitCodes.Ok);
        Assert.EndsWith("imported 'greeting' and published version 1", Assert.Single(first.OutputLines), StringComparison.Ordinal);
        second.AssertExit(ExitCodes.Ok);
        Assert.EndsWith("version 1 already has this definition", Assert.Single(second.OutputLines), StringComparison.Ordinal);
        var versions = await StoreInspection.ReadAsync(Data, s => s.ListVersionsAsync("greeting", CancellationToken.None));
        Assert.Single(versions);
    }

    [Fact]
    public async Task Import_TemplateWithParameters_AppliesThemAndRefusesWhenOneIsMissing()
    {
        var template = folder.Combine("templates", "greeting");
        folder.WriteFile(Path.Combine("templates", "greeting", "workflow.json"), SampleWorkflows.Greet("greeting"));
        folder.WriteFile(Path.Combine("templates", "greeting", "template.json"), """
            { "title": "Greeting", "parameters": [
              { "name": "greeting", "title": "Greeting word", "targets": [ { "variable": "greeting" } ] } ] }
            """);

        var missing = await CliRunner.RunAsync("import", template, "--data", Data);
        var given = await CliRunner.RunAsync("import", template, "--data", Data, "--param", "greeting=Bonjour");

        missing.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(missing.ErrorLines, l => l.Contains("needs parameter 'greeting'", StringComparison.Ordinal) && l.Contains("--param greeting=", StringComparison.Ordinal));
        given.AssertExit(ExitCodes.Ok);
        var draft = await StoreInspection.ReadAsync(Data, s => s.GetDraftAsync("greeting", CancellationToken.None));
        Assert.Equal("Bonjour", draft!.Definition.Variables["greeting"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("future", "schemaVersion 2 is newer than this servicessync supports (1)")]
    [InlineData("unknown", "unknown activity type 'acme.postInvoice'")]
    public async Task Import_RefusedFile_ChangesNothing_AndExits2(string kind, string message)
    {
        var good = folder.WriteFile("good.json", SampleWorkflows.Greet("good"));
        var bad = folder.WriteFile("bad.json", kind == "future" ? SampleWorkflows.WithNewerSchemaVersion("bad") : SampleWorkflows.WithUnknownType("bad"));

        var result = await CliRunner.RunAsync("import", bad, good, "--data", Data);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(result.ErrorLines, l => l.StartsWith($"{bad}: ", StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
        Assert.Contains($"{bad}: refused; nothing was imported from it.", result.ErrorLines);
        Assert.Null(await StoreInspection.ReadAsync(Data, s => s.GetDraftAsync("bad", CancellationToken.None)));
        Assert.NotNull(await StoreInspection.ReadAsync(Data, s => s.GetDraftAsync("good", CancellationToken.None)));
    }

    [Fact]
    public async Task Import_PublishWithErrors_IsRefused_ButWithoutPublishTheDraftIsSaved()
    {
        var wip = folder.WriteFile("wip.json", SampleWorkflows.WithSemanticError("wip"));

        var refused = await CliRunner.RunAsync("import", wip, "--data", Data, "--publish");
        Assert.False(Directory.Exists(Data));
        var saved = await CliRunner.RunAsync("import", wip, "--data", Data);

        refused.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(refused.ErrorLines, l => l.EndsWith("[connection.unknownTo]", StringComparison.Ordinal));
        saved.AssertExit(ExitCodes.Ok);
        Assert.Contains(saved.ErrorLines, l => l.EndsWith("[connection.unknownTo]", StringComparison.Ordinal));
        Assert.NotNull(await StoreInspection.ReadAsync(Data, s => s.GetDraftAsync("wip", CancellationToken.None)));
    }

    [Fact]
    public async Task Import_MissingPathOrFolderWithoutWorkflow_Exits2()
    {
        Directory.CreateDirectory(folder.Combine("empty-template"));

        var result = await CliRunner.RunAsync("import", folder.Combine("absent.json"), folder.Combine("empty-template"), "--data", Data);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(result.ErrorLines, l => l.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.Contains("without a workflow.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportedBundle_ReimportsCleanlyIntoAnotherStore()
    {
        var one = folder.WriteFile("one.json", SampleWorkflows.Greet("one", "One"));
        var two = folder.WriteFile("two.json", SampleWorkflows.Parking("two"));
        (await CliRunner.RunAsync("import", one, two, "--data", Data, "--publish")).AssertExit(ExitCodes.Ok);
        var bundle = folder.Combine("out", "bundle.json");

        var exported = await CliRunner.RunAsync("export", "--data", Data, "--published", "--out", bundle);
        var otherData = folder.Combine("other");
        var imported = await CliRunner.RunAsync("import", bundle, "--data", otherData, "--publish");

        exported.AssertExit(ExitCodes.Ok);
        Assert.Equal($"Exported 2 workflows to {bundle}.", Assert.Single(exported.OutputLines));
        var document = JsonDocument.Parse(File.ReadAllText(bundle)).RootElement;
        Assert.Equal(1, document.GetProperty("bundleVersion").GetInt32());
        Assert.True(document.TryGetProperty("exportedAt", out _));
        Assert.Equal(2, document.GetProperty("workflows").GetArrayLength());
        imported.AssertExit(ExitCodes.Ok);
        Assert.Equal(2, imported.OutputLines.Length);
        var original = await StoreInspection.ReadAsync(Data, s => s.GetPublishedAsync("one", null, CancellationToken.None));
        var copy = await StoreInspection.ReadAsync(otherData, s => s.GetPublishedAsync("one", null, CancellationToken.None));
        Assert.Equal(
            Definitions.DefinitionJson.Serialize(original!.Definition),
            Definitions.DefinitionJson.Serialize(copy!.Definition));
    }

    [Fact]
    public async Task Export_DraftsOfNamedWorkflows_ToStandardOutput()
    {
        (await CliRunner.RunAsync("import", folder.WriteFile("a.json", SampleWorkflows.Greet("a")), folder.WriteFile("b.json", SampleWorkflows.Greet("b")), "--data", Data)).AssertExit(ExitCodes.Ok);

        var result = await CliRunner.RunAsync("export", "--data", Data, "--workflow", "b", "--out", "-");

        result.AssertExit(ExitCodes.Ok);
        var workflows = JsonDocument.Parse(result.Output).RootElement.GetProperty("workflows");
        Assert.Equal("b", Assert.Single(workflows.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Export_UnknownWorkflow_Exits4_AndAMissingDataDirectory_Exits5()
    {
        (await CliRunner.RunAsync("import", folder.WriteFile("a.json", SampleWorkflows.Greet("a")), "--data", Data)).AssertExit(ExitCodes.Ok);

        var unknown = await CliRunner.RunAsync("export", "--data", Data, "--workflow", "zzz", "--out", folder.Combine("x.json"));
        var unpublished = await CliRunner.RunAsync("export", "--data", Data, "--workflow", "a", "--published", "--out", folder.Combine("y.json"));
        var noData = await CliRunner.RunAsync("export", "--data", folder.Combine("nothing-here"), "--out", folder.Combine("z.json"));

        unknown.AssertExit(ExitCodes.NotFound);
        Assert.Contains("workflow 'zzz' has no draft", unknown.Error, StringComparison.Ordinal);
        unpublished.AssertExit(ExitCodes.NotFound);
        Assert.Contains("has no published version", unpublished.Error, StringComparison.Ordinal);
        noData.AssertExit(ExitCodes.DataUnavailable);
        Assert.False(File.Exists(folder.Combine("x.json")));
    }

    [Fact]
    public async Task Import_BundleWithOneBadWorkflow_ImportsNoneOfIt()
    {
        var bundle = folder.WriteFile("bundle.json", $$"""
            { "bundleVersion": 1, "exportedAt": "2026-01-01T00:00:00Z",
              "workflows": [ {{SampleWorkflows.Greet("fine")}}, {{SampleWorkflows.WithUnknownType("broken")}} ] }
            """);

        var result = await CliRunner.RunAsync("import", bundle, "--data", Data);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(result.ErrorLines, l => l.StartsWith($"{bundle}#/workflows/1: ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task Import_BundleFromANewerRelease_IsRefused()
    {
        var bundle = folder.WriteFile("bundle.json", """{ "bundleVersion": 2, "workflows": [] }""");

        var result = await CliRunner.RunAsync("import", bundle, "--data", Data);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains("bundle version 2 is newer than this servicessync supports (1)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_IntoADataDirectoryThatCannotBeCreated_Exits5NamingIt()
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));
        var data = Path.Combine(folder.WriteFile("plain.txt", "not a folder"), "data");

        var result = await CliRunner.RunAsync("import", workflow, "--data", data);

        result.AssertExit(ExitCodes.DataUnavailable);
        Assert.Contains(result.ErrorLines, l => l.StartsWith($"error: Cannot create the data directory '{data}':", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_WithAnEmptyOut_Exits2NamingTheOption()
    {
        (await CliRunner.RunAsync("import", folder.WriteFile("greet.json", SampleWorkflows.Greet("greet")), "--data", Data)).AssertExit(ExitCodes.Ok);

        var result = await CliRunner.RunAsync("export", "--out", "", "--data", Data);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Equal("error: --out: give the bundle file to write, or - for standard output.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Export_OntoADirectory_Exits2SayingSo_AndLeavesNoTemporaryFile()
    {
        (await CliRunner.RunAsync("import", folder.WriteFile("greet.json", SampleWorkflows.Greet("greet")), "--data", Data)).AssertExit(ExitCodes.Ok);
        var target = folder.Combine("bundles");
        Directory.CreateDirectory(target);

        var result = await CliRunner.RunAsync("export", "--out", target, "--data", Data);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Equal($"error: Cannot write '{target}': it is a directory; give a file name", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(target + ".tmp"));
    }

    [Fact]
    public async Task Import_ParamsFileWithANullValue_Exits2NamingTheParameter_AndWritesNothing()
    {
        var template = folder.Combine("templates", "greeting");
        folder.WriteFile(Path.Combine("templates", "greeting", "workflow.json"), SampleWorkflows.Greet("greeting"));
        var parameters = folder.WriteFile("params.json", """{ "erpConnection": null }""");

        var result = await CliRunner.RunAsync("import", template, "--params", parameters, "--data", Data);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Equal(
            $"error: {parameters}: parameter 'erpConnection' is null; give it a value, or leave it out to take its default.",
            Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task Import_TwoFilesWithTheSameWorkflowId_RefusesTheLater_AndKeepsTheFirst()
    {
        var first = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));
        var second = folder.WriteFile("greet-copy.json", SampleWorkflows.Greet("greet", name: "Greet copy"));

        var result = await CliRunner.RunAsync("import", first, second, "--data", Data);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Equal($"{first}: imported 'greet' as a draft", Assert.Single(result.OutputLines));
        Assert.Contains($"{second}: workflow id 'greet' is also imported from {first}; import one of them.", result.ErrorLines);
        var draft = await StoreInspection.ReadAsync(Data, s => s.GetDraftAsync("greet", CancellationToken.None));
        Assert.Equal("Greet", draft!.Definition.Name);
    }

    public void Dispose() => folder.Dispose();
}
