using System.Net;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Support;
using ServicesSync.Testing.Host;

namespace ServicesSync.Host.Tests.Process;

/// <summary>
/// The built <c>servicessync</c> binary as a real child process, started as the Dockerfile starts
/// it: proves the entry point, <c>--workflows</c>, the bootstrap key, persistence across a
/// SIGKILL, and a graceful SIGTERM stop.
/// </summary>
public sealed class ServicesSyncProcessTests : IDisposable
{
    private readonly TempDirectory workflows = new("servicessync-workflows-");

    [Fact]
    public async Task Serve_PublishesTheWorkflowsFolder_RunsIt_SurvivesAKill_AndStopsOnSigterm()
    {
        workflows.WriteFile("greet.json", SampleWorkflows.Greet("greet"));
        workflows.WriteFile("broken.json", SampleWorkflows.WithUnknownType("broken"));
        var options = new ServicesSyncProcessOptions();
        options.ExtraArguments.Add("--workflows");
        options.ExtraArguments.Add(workflows.Path);
        await using var server = await ServicesSyncProcess.StartAsync(options);

        using (var anonymous = server.CreateClient(authenticated: false))
        using (var unauthorized = await anonymous.GetAsync(new Uri("api/v1/workflows", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        }

        using (var client = server.CreateClient())
        {
            var list = await HttpJson.ReadAsync(await client.GetAsync(new Uri("api/v1/workflows", UriKind.Relative)));
            var greet = Assert.Single(list.EnumerateArray());
            Assert.Equal("greet", greet.GetProperty("id").GetString());
            Assert.Equal(1, greet.GetProperty("latestVersion").GetInt32());

            var run = await HttpJson.ReadAsync(await client.PostAsync(new Uri("api/v1/workflows/greet/runs?wait=30", UriKind.Relative), HttpJson.Content("{\"name\":\"Process\"}")));
            Assert.Equal("Hello Process", run.GetProperty("output").GetProperty("greeting").GetString());
        }

        Assert.Contains("broken.json: skipped", server.Output, StringComparison.Ordinal);
        Assert.Contains("acme.postInvoice", server.Output, StringComparison.Ordinal);

        server.Kill();
        Assert.True(server.HasExited);
        await server.RestartAsync();

        using (var client = server.CreateClient())
        {
            var instances = await HttpJson.ReadAsync(await client.GetAsync(new Uri("api/v1/instances?workflow=greet", UriKind.Relative)));
            Assert.Equal(1, instances.GetProperty("total").GetInt32());
            var versions = await HttpJson.ReadAsync(await client.GetAsync(new Uri("api/v1/workflows/greet/versions", UriKind.Relative)));
            Assert.Equal(1, versions.GetArrayLength());
        }

        Assert.Equal(0, await server.StopAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("unchanged", server.Output, StringComparison.Ordinal);
    }

    public void Dispose() => workflows.Dispose();
}
