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
        var (exitCode, stdout, stderr) = await ServerExit.RunAsync(["serve", "--urls", urls, "--data", data.Path]);
        var output = stdout + stderr;

        Assert.True(exitCode == ExitCodes.ServeFailed, $"exit {exitCode}:\n{output}");
        Assert.Contains($"error: The server could not start: ", stderr, StringComparison.Ordinal);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    public void Dispose() => data.Dispose();
}
