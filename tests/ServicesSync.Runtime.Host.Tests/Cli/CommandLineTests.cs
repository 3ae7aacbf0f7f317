using ServicesSync.Host.Common;

namespace ServicesSync.Host.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_ListsEveryCommand_AndExits0()
    {
        var result = await CliRunner.RunAsync("--help");

        result.AssertExit(ExitCodes.Ok);
        foreach (var command in new[] { "serve", "run", "validate", "import", "export", "apikey" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunHelp_DescribesTheConnectionsFile()
    {
        var result = await CliRunner.RunAsync("run", "--help");

        result.AssertExit(ExitCodes.Ok);
        Assert.Contains("--connections", result.Output, StringComparison.Ordinal);
        Assert.Contains("${env:NAME}", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("launch")]
    [InlineData("validate")]
    [InlineData("export --data /tmp")]
    [InlineData("apikey create")]
    public async Task UsageErrors_PrintOneLinePerErrorAndAHint_AndExit2(string commandLine)
    {
        var result = await CliRunner.RunAsync(Split(commandLine));

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.StartsWith("error: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("Run 'servicessync --help' for usage.", result.ErrorLines[^1]);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Serve_WithAMissingWorkflowsFolder_Exits2BeforeStarting()
    {
        var result = await CliRunner.RunAsync("serve", "--workflows", "/no/such/folder", "--urls", "http://127.0.0.1:0");

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Equal("error: --workflows: the folder '/no/such/folder' does not exist.", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("--environment=Development --applicationName=servicessync", true)]
    [InlineData("--ServicesSync:DataDirectory=/tmp/x", true)]
    [InlineData("", false)]
    [InlineData("serve --urls=http://localhost:1", false)]
    [InlineData("--verbose", false)]
    public void IsHostingInvocation_OnlyForHostSettingsWithoutACommand(string commandLine, bool expected)
        => Assert.Equal(expected, ServicesSync.Host.Cli.IsHostingInvocation(Split(commandLine)));

    private static string[] Split(string commandLine) => commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
