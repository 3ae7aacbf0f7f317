using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public async Task ValidFile_PrintsNoProblems_AndExits0()
    {
        var file = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));

        var result = await CliRunner.RunAsync("validate", file);

        result.AssertExit(ExitCodes.Ok);
        Assert.Equal("", result.Output);
        Assert.Contains("1 file valid", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryProblemOfEveryFile_IsPrintedWithFilePathActivityAndCode_AndExits2()
    {
        var good = folder.WriteFile("good.json", SampleWorkflows.Greet("good"));
        var wip = folder.WriteFile("wip.json", SampleWorkflows.WithSemanticError("wip"));
        var unknown = folder.WriteFile("unknown.json", SampleWorkflows.WithUnknownType("unknown"));

        var result = await CliRunner.RunAsync("validate", good, wip, unknown);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(result.OutputLines, l => l.StartsWith($"{wip}: /connections/0", StringComparison.Ordinal) && l.EndsWith("[connection.unknownTo]", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith($"{unknown}: /activities/1", StringComparison.Ordinal) && l.Contains("(activity 'post')", StringComparison.Ordinal) && l.EndsWith("[activity.unknownType]", StringComparison.Ordinal));
        Assert.DoesNotContain(result.OutputLines, l => l.StartsWith(good, StringComparison.Ordinal));
        Assert.Contains("2 files of 3 with errors", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarningsOnly_AreMarked_AndExit0()
    {
        var file = folder.WriteFile("warn.json", SampleWorkflows.WithWarning("warn"));

        var result = await CliRunner.RunAsync("validate", file);

        result.AssertExit(ExitCodes.Ok);
        var line = Assert.Single(result.OutputLines);
        Assert.Contains(": warning: ", line, StringComparison.Ordinal);
        Assert.EndsWith("[layout.unknownActivity]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFileAndMalformedJson_AreReportedAsProblems_AndExit2()
    {
        var broken = folder.WriteFile("broken.json", "{ \"schemaVersion\": 1,\n  \"id\": }");
        var missing = folder.Combine("missing.json");

        var result = await CliRunner.RunAsync("validate", broken, missing);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(result.OutputLines, l => l.StartsWith($"{missing}: /: ", StringComparison.Ordinal) && l.Contains("no such file", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith($"{broken}: ", StringComparison.Ordinal) && l.EndsWith("[json.syntax]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewerSchemaVersion_IsAnError()
    {
        var file = folder.WriteFile("future.json", SampleWorkflows.WithNewerSchemaVersion("future"));

        var result = await CliRunner.RunAsync("validate", file);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(result.OutputLines, l => l.EndsWith("[schemaVersion.unsupported]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ADirectory_SaysItIsADirectory_NotPermissionDenied()
    {
        var directory = folder.Combine("flows");
        Directory.CreateDirectory(directory);

        var result = await CliRunner.RunAsync("validate", directory);

        result.AssertExit(ExitCodes.InvalidInput);
        var line = Assert.Single(result.OutputLines);
        Assert.Contains($"Cannot read the workflow file '{directory}': it is a directory, not a file", line, StringComparison.Ordinal);
        Assert.DoesNotContain("permission denied", line, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
