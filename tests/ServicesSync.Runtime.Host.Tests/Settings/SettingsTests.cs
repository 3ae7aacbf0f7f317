using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Cli;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Settings;

/// <summary>
/// <c>ServicesSync</c> settings given as <c>--Section:Key=value</c> reach <c>run</c> and <c>serve</c>;
/// an unknown key or a value that does not convert stops the command, naming the setting.
/// </summary>
public sealed class SettingsTests : IDisposable
{
    private readonly TempDirectory folder = new("servicessync-settings-");

    [Fact]
    public async Task Run_ReadsASettingFromTheCommandLine()
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));
        var input = folder.WriteFile("input.json", "{\"name\":\"" + new string('x', 200) + "\"}");

        var limited = await CliRunner.RunAsync("run", workflow, "--input", input, "--ServicesSync:Runtime:MaxMessageBytes=100");
        var unlimited = await CliRunner.RunAsync("run", workflow, "--input", input);

        Assert.NotEqual(ExitCodes.Ok, limited.ExitCode);
        Assert.Contains("over the limit", limited.Error, StringComparison.Ordinal);
        unlimited.AssertExit(ExitCodes.Ok);
    }

    [Theory]
    [InlineData("--ServicesSync:Runtime:MaxCrashResumez=3", "ServicesSync:Runtime:MaxCrashResumez is not a known setting")]
    [InlineData("--ServicesSync:Scripting:Limits:Timeoutt=00:00:01", "ServicesSync:Scripting:Limits:Timeoutt is not a known setting")]
    [InlineData("--ServicesSync:Runtme:Retention=1.00:00:00", "ServicesSync:Runtme is not a known setting")]
    [InlineData("--ServicesSync:Runtime:MaxCrashResumes=many", "'many' at 'ServicesSync:Runtime:MaxCrashResumes'")]
    [InlineData("--ServicesSync:Scripting:Isolation=Sideways", "'Sideways' at 'ServicesSync:Scripting:Isolation'")]
    [InlineData("--ServicesSync:Scripting:WorkerPoolSize=0", "WorkerPoolSize must be positive")]
    public async Task Run_WithABadSetting_Exits2NamingIt(string setting, string reason)
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));

        var result = await CliRunner.RunAsync("run", workflow, setting);

        result.AssertExit(ExitCodes.InvalidInput);
        var line = Assert.Single(result.ErrorLines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith("error: invalid settings: ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithSeveralBadSettings_NamesEveryOneOnOneLine()
    {
        var workflow = folder.WriteFile("greet.json", SampleWorkflows.Greet("greet"));

        var result = await CliRunner.RunAsync(
            "run", workflow, "--ServicesSync:Runtime:MaxParallelism=lots", "--ServicesSync:Runtime:Bogus=1", "--ServicesSync:Scripting:WorkerPoolSize=0");

        result.AssertExit(ExitCodes.InvalidInput);
        var line = Assert.Single(result.ErrorLines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("'lots' at 'ServicesSync:Runtime:MaxParallelism'", line, StringComparison.Ordinal);
        Assert.Contains("ServicesSync:Runtime:Bogus is not a known setting", line, StringComparison.Ordinal);
        Assert.Contains("WorkerPoolSize must be positive", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithAnUnknownSetting_Exits2BeforeListening()
    {
        var result = await CliRunner.RunAsync(
            "serve", "--data", folder.Path, "--urls", "http://127.0.0.1:0", "--ServicesSync:Api:ApiKeyCacheDurationn=00:00:05");

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains("error: invalid settings: ServicesSync:Api:ApiKeyCacheDurationn is not a known setting.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithAnArgumentThatIsNeitherAnOptionNorASetting_IsAUsageError()
    {
        var result = await CliRunner.RunAsync("serve", "--data", folder.Path, "--isolation");

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains("Unrecognized argument '--isolation'", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
