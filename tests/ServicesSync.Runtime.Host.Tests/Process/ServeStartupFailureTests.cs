using System.Diagnostics;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Process;

/// <summary>
/// <c>serve</c> that cannot start, as a real child process: the host's own "Hosting failed to
/// start" log goes to the console sink, which is where a stack trace used to leak.
/// </summary>
public sealed class ServeStartupFailureTests : IDisposable
{
    private readonly TempDirectory data = new("servicessync-badurls-");

    [Theory]
    [InlineData("notaurl", "Invalid url: 'notaurl'")]
    [InlineData("ftp://127.0.0.1:5999", "Only 'http://' and 'https://' are supported")]
    public async Task Serve_WithABadUrls_Exits6WithOneLineReason_AndNoStackTrace(string urls, string reason)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "servicessync.dll"), "serve", "--urls", urls, "--data", data.Path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        var output = await stdout + await stderr;

        Assert.True(process.ExitCode == ExitCodes.ServeFailed, $"exit {process.ExitCode}:\n{output}");
        Assert.Contains($"error: The server could not start: ", await stderr, StringComparison.Ordinal);
        Assert.Contains(reason, await stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    public void Dispose() => data.Dispose();

    private static string DotnetHost()
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
