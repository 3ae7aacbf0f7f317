using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Hooks;
using ServicesSync.Host.Tests.Support;
using ServicesSync.Testing.Host;
using ServicesSync.Testing.RealSystems;
using ServicesSync.Testing.Repository;

namespace ServicesSync.Host.Tests.MultiNode;

/// <summary>
/// The designer host and a headless runtime as two real processes on one PostgreSQL store: a
/// workflow published in the designer is live on the runtime without copying a file.
/// </summary>
public sealed class DesignerAndRuntimeTests : IDisposable
{
    private readonly TempDirectory designerData = new("servicessync-designer-pg-");
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

    [Fact]
    public async Task PublishedInTheDesigner_TheWebhookAnswersOnTheRuntimeWithinSeconds()
    {
        var store = await PostgreSqlServer.CreateScratchAsync("designer");
        var secretsKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var port = FreePort();
        using var designer = StartDesigner(store, secretsKey, port);
        try
        {
            using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitForHealthAsync(probe, designer);
            // The designer was first on the empty store, so its sign-in key is the store's key.
            var key = (await File.ReadAllTextAsync(Path.Combine(designerData.Path, "initial-api-key.txt"))).Trim();
            var options = new ServicesSyncProcessOptions { ApiKey = key };
            options.ExtraArguments.Add("--store");
            options.ExtraArguments.Add(store);
            options.Environment["ServicesSync__Secrets__Key"] = secretsKey;
            await using var runtime = await ServicesSyncProcess.StartAsync(options);
            using var runtimeHooks = runtime.CreateClient(authenticated: false);
            using (var before = await runtimeHooks.PostAsync(new Uri("hooks/designed/echo", UriKind.Relative), HttpJson.Content("{}")))
            {
                Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
            }

            probe.DefaultRequestHeaders.Add("X-Api-Key", key);
            await ApiScenario.PublishAsync(probe, HookDefinitions.Echo("designed-echo", new JsonObject { ["path"] = "designed/echo" }), "designed-echo");
            var published = Stopwatch.StartNew();
            HttpStatusCode status;
            do
            {
                using var response = await runtimeHooks.PostAsync(new Uri("hooks/designed/echo", UriKind.Relative), HttpJson.Content("{\"event\":\"x\"}"));
                status = response.StatusCode;
                if (status == HttpStatusCode.NotFound)
                {
                    await Task.Delay(50);
                }
            }
            while (status == HttpStatusCode.NotFound && published.Elapsed < TimeSpan.FromSeconds(10));

            Assert.Equal(HttpStatusCode.Accepted, status);
            Assert.True(published.Elapsed < TimeSpan.FromSeconds(3), $"live on the runtime {published.Elapsed} after the designer published");
        }
        finally
        {
            designer.Kill(entireProcessTree: true);
        }
    }

    public void Dispose() => designerData.Dispose();

    private System.Diagnostics.Process StartDesigner(string store, string secretsKey, int port)
    {
        // The designer is built with the solution, in the same configuration as this test assembly.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryPaths.Root, "designer", "ServicesSync.Designer", "bin", configuration, "net10.0", "ServicesSync.Designer.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--data", designerData.Path, "--store", store })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ServicesSync__Secrets__Key"] = secretsKey;
        var process = System.Diagnostics.Process.Start(start)!;
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForHealthAsync(HttpClient client, System.Diagnostics.Process designer)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            Assert.False(designer.HasExited, $"the designer exited: {string.Join('\n', output)}");
            try
            {
                using var health = await client.GetAsync(new Uri("health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "the designer did not answer /health within 60 s");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
