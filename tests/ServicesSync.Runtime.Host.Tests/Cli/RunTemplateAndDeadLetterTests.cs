using System.Text.Json;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Cli;

/// <summary>
/// <c>run</c> as a consultant uses it: on a template folder filled in with <c>--params</c> and
/// <c>--param</c>, and telling why messages were parked.
/// </summary>
public sealed class RunTemplateAndDeadLetterTests : IDisposable
{
    private const string Manifest = """
        {
          "templateVersion": 1,
          "title": "Greeting",
          "summary": "Answers with the configured greeting.",
          "parameters": [
            { "name": "greeting", "title": "Greeting", "kind": "json", "targets": [ { "activity": "reply", "input": "template" } ] }
          ]
        }
        """;

    private readonly TempDirectory folder = new();

    [Fact]
    public async Task TemplateFolder_FilledInFromTheParamsFile_Runs()
    {
        var template = WriteTemplate();
        var parameters = folder.WriteFile("params.json", """{"greeting": {"text": "Welcome aboard"}}""");

        var result = await CliRunner.RunAsync("run", template, "--params", parameters);

        result.AssertExit(ExitCodes.Ok);
        Assert.Equal("Welcome aboard", JsonDocument.Parse(result.Output).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task TemplateFolder_AParamWinsOverTheParamsFile()
    {
        var template = WriteTemplate();
        var parameters = folder.WriteFile("params.json", """{"greeting": {"text": "Welcome aboard"}}""");

        var result = await CliRunner.RunAsync("run", template, "--params", parameters, "--param", """greeting={"text":"Hi"}""");

        result.AssertExit(ExitCodes.Ok);
        Assert.Equal("Hi", JsonDocument.Parse(result.Output).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task TemplateFolder_AnUnknownParameter_IsNamedWithTheOnesItHas_AndNothingRuns()
    {
        var template = WriteTemplate();

        var result = await CliRunner.RunAsync("run", template, "--param", "greting=Hi");

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains("has no parameter 'greting'; it has greeting", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Started instance", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderThatIsNoTemplate_IsRefusedSayingWhatItLacks()
    {
        var empty = Directory.CreateDirectory(Path.Combine(folder.Path, "not-a-template")).FullName;

        var result = await CliRunner.RunAsync("run", empty);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains("a folder without a workflow.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParamsWithAWorkflowFile_AreRefused_NotIgnored()
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));

        var result = await CliRunner.RunAsync("run", workflow, "--param", "greeting=Hi");

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains("fill in a template folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParkedMessages_AreListedWithTheirActivityAndReason()
    {
        var workflow = folder.WriteFile("parks.json", SampleWorkflows.Parking("parks"));

        var result = await CliRunner.RunAsync("run", workflow);

        result.AssertExit(ExitCodes.Ok);
        Assert.Contains("parked 1 message(s) in the dead-letter list:", result.Error, StringComparison.Ordinal);
        Assert.Contains(result.ErrorLines, l => l.Contains("dead letter", StringComparison.Ordinal) && l.Contains("at activity 'park'", StringComparison.Ordinal) && l.EndsWith(": needs review", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();

    private string WriteTemplate()
    {
        var template = Directory.CreateDirectory(Path.Combine(folder.Path, "greeting")).FullName;
        File.WriteAllText(Path.Combine(template, "template.json"), Manifest);
        File.WriteAllText(Path.Combine(template, "workflow.json"), """
            {
              "schemaVersion": 1,
              "id": "greeting",
              "name": "Greeting",
              "activities": [
                { "id": "start", "type": "core.manual" },
                { "id": "reply", "type": "core.set", "inputs": { "template": { "text": "Hello" } } }
              ],
              "connections": [ { "from": "start", "to": "reply" } ]
            }
            """);
        return template;
    }
}
