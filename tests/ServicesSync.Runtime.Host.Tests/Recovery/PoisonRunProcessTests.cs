using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Support;
using ServicesSync.Testing.Host;
using ServicesSync.Testing.Waiting;

namespace ServicesSync.Host.Tests.Recovery;

/// <summary>
/// A run that is in flight every time the runtime dies (killed with SIGKILL, as the OOM killer
/// does) is resumed up to <c>ServicesSync:Runtime:MaxCrashResumes</c> times, then quarantined
/// instead of taking the restarted runtime down again; a retry runs it once more.
/// </summary>
public sealed class PoisonRunProcessTests : IDisposable
{
    private readonly TempDirectory workflows = new("servicessync-poison-");

    [Fact]
    public async Task Serve_KilledEveryTimeTheRunIsInFlight_QuarantinesItPastTheLimit_AndARetryRunsItAgain()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        workflows.WriteFile("hog.json", $$"""
            {
              "schemaVersion": 1, "id": "hog", "name": "In flight at every crash",
              "activities": [
                { "id": "start", "type": "core.manual" },
                { "id": "call", "type": "http.request", "inputs": { "url": "http://127.0.0.1:{{port}}/hog" }, "retry": { "maxAttempts": 1 } }
              ],
              "connections": [ { "from": "start", "to": "call" } ]
            }
            """);
        var options = new ServicesSyncProcessOptions();
        options.ExtraArguments.Add("--workflows");
        options.ExtraArguments.Add(workflows.Path);
        options.ExtraArguments.Add("--ServicesSync:Runtime:MaxCrashResumes=1");
        await using var server = await ServicesSyncProcess.StartAsync(options);
        string instanceId;
        using (var client = server.CreateClient())
        {
            instanceId = await ApiScenario.StartAsync(client, "hog");
        }

        // In flight, killed; resumed once (the allowance), in flight again, killed again.
        using (await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30)))
        {
            server.Kill();
        }

        await server.RestartAsync();
        using (await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30)))
        {
            server.Kill();
        }

        await server.RestartAsync();
        using var operator_ = server.CreateClient();
        var quarantined = await WaitForStatusAsync(operator_, instanceId, "faulted");
        const string Reason = "Resumed 1 time(s) after the runtime stopped while it ran; quarantined so it cannot crash the runtime again; retry it when fixed.";
        Assert.Equal(Reason, quarantined.GetProperty("instance").GetProperty("error").GetProperty("message").GetString());
        var deadLetters = await operator_.GetStringAsync(new Uri("api/v1/dead-letters?workflow=hog", UriKind.Relative));
        Assert.Contains(Reason, deadLetters, StringComparison.Ordinal);

        using var retried = await operator_.PostAsync(new Uri($"api/v1/instances/{instanceId}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        using (await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30)))
        {
            var running = await HttpJson.ReadAsync(await operator_.GetAsync(new Uri($"api/v1/instances/{instanceId}", UriKind.Relative)));
            Assert.Equal("running", running.GetProperty("instance").GetProperty("status").GetString());
        }
    }

    public void Dispose() => workflows.Dispose();

    private static Task<JsonElement> WaitForStatusAsync(HttpClient client, string instanceId, string status)
        => Poll.ForAsync(
            async () => await HttpJson.ReadAsync(await client.GetAsync(new Uri($"api/v1/instances/{instanceId}", UriKind.Relative))),
            instance => instance.GetProperty("instance").GetProperty("status").GetString() == status,
            TimeSpan.FromSeconds(30),
            instance => $"run {instanceId} is {instance.GetProperty("instance").GetProperty("status").GetString()}, not {status}");
}
