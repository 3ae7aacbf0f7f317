using System.Net;
using System.Net.Sockets;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Cli;

/// <summary>
/// Failures of <c>serve</c> in process. Its success path runs in the child-process test and,
/// through WebApplicationFactory, in every API test. Not run in parallel with anything: one test
/// sets a process-wide environment variable that any server starting meanwhile would read.
/// </summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class ServeCommandTests : IDisposable
{
    private readonly TempDirectory data = new();

    [Fact]
    public async Task Serve_OnAPortInUse_Exits6WithTheReason_AndReleasesTheDataDirectory()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;

        var result = await CliRunner.RunAsync("serve", "--urls", $"http://127.0.0.1:{port}", "--data", data.Path);

        result.AssertExit(ExitCodes.ServeFailed);
        Assert.StartsWith("error: The server could not start: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        var keys = await CliRunner.RunAsync("apikey", "list", "--data", data.Path);
        keys.AssertExit(ExitCodes.Ok);
    }

    [Fact]
    public async Task Serve_WithATooShortBootstrapKey_Exits6NamingTheVariable()
    {
        Environment.SetEnvironmentVariable("SERVICESSYNC_BOOTSTRAP_API_KEY", "short");
        try
        {
            var result = await CliRunner.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--data", data.Path);

            result.AssertExit(ExitCodes.ServeFailed);
            Assert.Contains("SERVICESSYNC_BOOTSTRAP_API_KEY must be at least 20 characters", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SERVICESSYNC_BOOTSTRAP_API_KEY", null);
        }
    }

    [Fact]
    public async Task Serve_OnADamagedDataFile_Exits5NamingTheFile_AndLeavesItAsItWas()
    {
        var file = Path.Combine(data.Path, "servicessync.db");
        var garbage = new byte[16384];
        Array.Fill(garbage, (byte)0x5A);
        await File.WriteAllBytesAsync(file, garbage);

        var result = await CliRunner.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--data", data.Path);

        result.AssertExit(ExitCodes.DataUnavailable);
        Assert.StartsWith($"error: Cannot open the store: The data file {file} is not a ServicesSync data file", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(file));
    }

    public void Dispose() => data.Dispose();
}
