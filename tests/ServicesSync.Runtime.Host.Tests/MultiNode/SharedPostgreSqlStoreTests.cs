using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Cli;
using ServicesSync.Host.Tests.Hooks;
using ServicesSync.Testing.Host;
using ServicesSync.Testing.RealSystems;

namespace ServicesSync.Host.Tests.MultiNode;

/// <summary>
/// Real <c>servicessync serve</c> processes on one real PostgreSQL store: what a firm running
/// two runtimes, or a runtime beside the designer, relies on.
/// </summary>
public sealed class SharedPostgreSqlStoreTests
{
    /// <summary>What an operator gives every node: one key, so a connection saved anywhere decrypts everywhere.</summary>
    private static readonly string SharedSecretsKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task TwoServers_OneStore_APublishOnOneIsLiveOnTheOtherWithinSeconds_AndBothSeeTheRun()
    {
        var store = await PostgreSqlServer.CreateScratchAsync("nodes");
        var key = "ss_test_" + Guid.NewGuid().ToString("N");
        await using var first = await StartAsync(store, key);
        await using var second = await StartAsync(store, key);
        using var firstAdmin = first.CreateClient();
        using var secondAnonymous = second.CreateClient(authenticated: false);

        // The second node has built its routes before the publish: only a notification can change them now.
        using (var before = await secondAnonymous.PostAsync(new Uri("hooks/nodes/echo", UriKind.Relative), HttpJson.Content("{\"event\":\"early\"}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        await ApiScenario.PublishAsync(firstAdmin, HookDefinitions.Echo("echo-across-nodes", new JsonObject { ["path"] = "nodes/echo" }), "echo-across-nodes");
        var published = Stopwatch.StartNew();
        HttpResponseMessage accepted;
        while (true)
        {
            accepted = await secondAnonymous.PostAsync(new Uri("hooks/nodes/echo", UriKind.Relative), HttpJson.Content("{\"event\":\"hire\"}"));
            if (accepted.StatusCode != HttpStatusCode.NotFound || published.Elapsed > TimeSpan.FromSeconds(10))
            {
                break;
            }

            accepted.Dispose();
            await Task.Delay(50);
        }

        using (accepted)
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            // The index of the second node is otherwise rebuilt every 30 s; a few seconds means it was told.
            Assert.True(published.Elapsed < TimeSpan.FromSeconds(3), $"The webhook answered on the second node {published.Elapsed} after the publish.");
            var instanceId = (await HttpJson.ReadAsync(accepted)).GetProperty("instanceId").GetString()!;
            var finished = await ApiScenario.WaitForEndAsync(firstAdmin, instanceId);
            Assert.Equal("completed", finished.GetProperty("instance").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task ApiKeyCreatedWithTheCli_WhileTheServerRuns_IsAcceptedByTheServer()
    {
        var store = await PostgreSqlServer.CreateScratchAsync("keys");
        await using var server = await StartAsync(store, "ss_test_" + Guid.NewGuid().ToString("N"));

        var created = await CliRunner.RunAsync("apikey", "create", "--store", store, "--scopes", "read", "--name", "ops");

        created.AssertExit(ExitCodes.Ok);
        using var client = server.CreateClient(authenticated: false);
        client.DefaultRequestHeaders.Add("X-Api-Key", created.OutputLines[^1]);
        using var workflows = await client.GetAsync(new Uri("api/v1/workflows", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, workflows.StatusCode);
        var listed = await CliRunner.RunAsync("apikey", "list", "--store", store);
        listed.AssertExit(ExitCodes.Ok);
        Assert.Contains(listed.OutputLines, line => line.EndsWith(" ops", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_WithAKey_NamesTheNodeAndThePostgreSqlStore()
    {
        var store = await PostgreSqlServer.CreateScratchAsync("health");
        var options = Options(store, "ss_test_" + Guid.NewGuid().ToString("N"));
        options.Environment["ServicesSync__Runtime__NodeId"] = "node-a";
        await using var server = await ServicesSyncProcess.StartAsync(options);
        using var client = server.CreateClient();

        var health = await HttpJson.ReadAsync(await client.GetAsync(new Uri("health", UriKind.Relative)));

        Assert.Equal("node-a", health.GetProperty("node").GetString());
        Assert.Contains("PostgreSQL 127.0.0.1:", health.GetProperty("store").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Password", health.GetProperty("store").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Serve_OnPostgreSqlWithoutASecretsKey_RefusesToStartNamingTheSetting()
    {
        var store = await PostgreSqlServer.CreateScratchAsync("nokey");

        var result = await CliRunner.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--data", Path.Combine(Path.GetTempPath(), "ss-nokey-" + Guid.NewGuid().ToString("N")), "--store", store);

        result.AssertExit(ExitCodes.ServeFailed);
        Assert.Contains("ServicesSync__Secrets__Key", result.Error, StringComparison.Ordinal);
    }

    private static Task<ServicesSyncProcess> StartAsync(string store, string key) => ServicesSyncProcess.StartAsync(Options(store, key));

    private static ServicesSyncProcessOptions Options(string store, string key)
    {
        var options = new ServicesSyncProcessOptions { ApiKey = key };
        options.ExtraArguments.Add("--store");
        options.ExtraArguments.Add(store);
        options.Environment["ServicesSync__Secrets__Key"] = SharedSecretsKey;
        return options;
    }
}
