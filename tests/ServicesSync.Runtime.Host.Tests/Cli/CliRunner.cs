namespace ServicesSync.Host.Tests.Cli;

/// <summary>Runs the command pipeline in process with captured stdout and stderr.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ServicesSync.Host.Cli.InvokeAsync(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void AssertExit(int expected)
        => Assert.True(expected == ExitCode, $"Expected exit {expected}, got {ExitCode}.\nstdout:\n{Output}\nstderr:\n{Error}");
}
