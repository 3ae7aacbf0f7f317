using System.Net;
using System.Text.Json.Nodes;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Hooks;
using ServicesSync.Testing.Host;
using ServicesSync.Testing.RealSystems;

namespace ServicesSync.Host.Tests.MultiNode;

/// <summary>
/// The PostgreSQL server itself SIGKILLed while webhooks arrive, then started again: what a
/// database failover looks like to a runtime.
/// </summary>
public sealed class DatabaseCrashTests
{
    [Fact]
    public async Task DatabaseKilledMidIntake_EveryAcceptedWebhookRuns_TheOthersGet503WithRetryAfter_AndTheServerReconnects()
    {
        var database = await PrivatePostgreSqlServer.StartAsync("crash", 18435);
        var store = await PostgreSqlServer.CreateScratchAsync("crash", database.ConnectionString);
        var options = new ServicesSyncProcessOptions();
        options.ExtraArguments.Add("--store");
        options.ExtraArguments.Add(store);
        options.Environment["ServicesSync__Secrets__Key"] = Convert.ToBase64String(new byte[32]);
        options.Environment["ServicesSync__Runtime__LeaseDuration"] = "00:00:03";
        options.Environment["ServicesSync__Runtime__OrphanScanInterval"] = "00:00:01";
        await using var server = await ServicesSyncProcess.StartAsync(options);
        using var admin = server.CreateClient();
        using var anonymous = server.CreateClient(authenticated: false);
        await ApiScenario.PublishAsync(admin, HookDefinitions.Echo("crash-echo", new JsonObject { ["path"] = "crash/echo" }), "crash-echo");

        var accepted = new List<string>();
        var refused = 0;
        for (var i = 0; i < 60; i++)
        {
            if (i == 20)
            {
                await database.KillAsync();
            }

            if (i == 40)
            {
                await database.RestartAsync();
            }

            using var response = await anonymous.PostAsync(new Uri("hooks/crash/echo", UriKind.Relative), HttpJson.Content($$"""{"event":"{{i}}"}"""));
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add((await HttpJson.ReadAsync(response)).GetProperty("instanceId").GetString()!);
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"webhook {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.NotNull(response.Headers.RetryAfter);
            refused++;
        }

        Assert.InRange(refused, 1, 40);
        Assert.True(accepted.Count >= 20, $"only {accepted.Count} accepted");
        foreach (var id in accepted)
        {
            var finished = await ApiScenario.WaitForEndAsync(admin, id);
            Assert.Equal("completed", finished.GetProperty("instance").GetProperty("status").GetString());
        }
    }
}
