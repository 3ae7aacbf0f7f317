using System.Text.Json;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public async Task CompletedRun_PrintsTheIndentedOutputAloneOnStdout_AndExits0()
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));
        var input = folder.WriteFile("input.json", "{\"name\":\"Grace\"}");

        var result = await CliRunner.RunAsync("run", workflow, "--input", input);

        result.AssertExit(ExitCodes.Ok);
        Assert.Equal("Hello Grace", JsonDocument.Parse(result.Output).RootElement.GetProperty("greeting").GetString());
        Assert.Contains("\n  \"greeting\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("Started instance", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FaultedRun_NamesTheActivityAndError_OnStderr_AndExits1()
    {
        var workflow = folder.WriteFile("fails.json", SampleWorkflows.Faulting("fails"));

        var result = await CliRunner.RunAsync("run", workflow);

        result.AssertExit(ExitCodes.RunFailed);
        Assert.Equal("", result.Output);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Run faulted: activity 'call' (http.request) failed: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidDefinition_PrintsItsProblems_AndExits2WithoutRunning()
    {
        var workflow = folder.WriteFile("wip.json", SampleWorkflows.WithSemanticError("wip"));

        var result = await CliRunner.RunAsync("run", workflow);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(result.ErrorLines, l => l.StartsWith($"{workflow}: /connections/0", StringComparison.Ordinal));
        Assert.Equal($"error: {workflow} is not valid; nothing was run.", result.ErrorLines[^1]);
        Assert.DoesNotContain("Started instance", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingWorkflowFile_Exits2NamingIt()
    {
        var missing = folder.Combine("nope.json");

        var result = await CliRunner.RunAsync("run", missing);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Equal($"error: Cannot read the workflow file '{missing}': no such file", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task MalformedInput_Exits2NamingLineAndPosition()
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));
        var input = folder.WriteFile("input.json", "{\n  \"name\": 'Grace'\n}");

        var result = await CliRunner.RunAsync("run", workflow, "--input", input);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.StartsWith($"error: The input file '{input}' is not valid JSON: line 2, position 11: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingInputFile_Exits2()
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));

        var result = await CliRunner.RunAsync("run", workflow, "--input", folder.Combine("absent.json"));

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains("no such file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithData_TheRunIsKeptInThatStore()
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));
        var input = folder.WriteFile("input.json", "{\"name\":\"Kept\"}");
        var data = folder.Combine("data");

        var result = await CliRunner.RunAsync("run", workflow, "--input", input, "--data", data);

        result.AssertExit(ExitCodes.Ok);
        Assert.True(File.Exists(Path.Combine(data, "servicessync.db")));
    }

    [Fact]
    public async Task UnknownTrigger_Exits2NamingTheTriggersTheWorkflowHas_WithoutRunning()
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));

        var result = await CliRunner.RunAsync("run", workflow, "--trigger", "reply");

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Equal(
            $"error: --trigger: 'reply' is not a trigger activity of 'greet' in {workflow}; its triggers are 'start'. Nothing was run.",
            result.ErrorLines[^1]);
        Assert.DoesNotContain("Started instance", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataDirectoryThatCannotBeCreated_Exits5NamingIt()
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));
        // A directory cannot be made below a file, whoever runs the tests (root ignores permissions).
        var data = Path.Combine(folder.WriteFile("plain.txt", "not a folder"), "data");

        var result = await CliRunner.RunAsync("run", workflow, "--data", data);

        result.AssertExit(ExitCodes.DataUnavailable);
        Assert.StartsWith($"error: Cannot create the data directory '{data}':", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InputOverTheMessageLimit_Exits2NamingTheFile_WithoutRunning()
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));
        var input = folder.WriteFile("huge.json", $"{{\"name\":\"{new string('x', 17 * 1024 * 1024)}\"}}");

        var result = await CliRunner.RunAsync("run", workflow, "--input", input);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Equal($"error: {input}: The input message is 17 MB, over the limit of 16 MB. Nothing was run.", result.ErrorLines[^1]);
        Assert.Equal("", result.Output);
    }

    public void Dispose() => folder.Dispose();
}
