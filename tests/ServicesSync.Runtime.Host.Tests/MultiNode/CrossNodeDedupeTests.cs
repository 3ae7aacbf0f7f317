using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Hooks;

namespace ServicesSync.Host.Tests.MultiNode;

/// <summary>
/// A sender that redelivers (or a load balancer that retries) hands the same delivery to several
/// nodes at once: one run starts, every other answer says duplicate, on whichever node it lands —
/// and a delivery that arrives after the run has already finished does not start it again.
/// </summary>
public sealed class CrossNodeDedupeTests
{
    [Fact]
    public async Task TwentyConcurrentDuplicatesOverTwoNodes_StartOneRun_AndEveryOtherAnswerIsDuplicate()
    {
        var cluster = await Cluster.CreateAsync("dedupe");
        await using var first = await cluster.StartAsync("first");
        using (var admin = first.CreateClient())
        {
            await ApiScenario.PublishAsync(admin, HookDefinitions.Echo("hook-across", new JsonObject { ["path"] = "across/events", ["deliveryIdHeader"] = "X-Delivery" }), "hook-across");
        }

        await using var second = await cluster.StartAsync("second");
        HttpClient[] clients = [first.CreateClient(authenticated: false), second.CreateClient(authenticated: false)];
        try
        {
            for (var round = 0; round < 5; round++)
            {
                var delivery = $"d-{round}";
                var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => DeliverAsync(clients[i % 2], delivery)));

                Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Accepted or HttpStatusCode.OK, $"{delivery}: {(int)a.Status} {a.Body}"));
                Assert.Single(answers, a => !a.Body.GetProperty("duplicate").GetBoolean());
                Assert.Single(answers.Select(a => a.Body.GetProperty("instanceId").GetString()).Distinct());
            }

            using var admin = first.CreateClient();
            var runs = await HttpJson.ReadAsync(await admin.GetAsync(new Uri("api/v1/instances?workflow=hook-across&take=100", UriKind.Relative)));
            Assert.Equal(5, runs.GetProperty("total").GetInt32());

            // Long after the run finished, a late redelivery on the other node finds it.
            var late = await DeliverAsync(clients[1], "d-0");
            Assert.Equal(HttpStatusCode.OK, late.Status);
            Assert.True(late.Body.GetProperty("duplicate").GetBoolean());
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> DeliverAsync(HttpClient client, string delivery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("hooks/across/events", UriKind.Relative)) { Content = HttpJson.Content("""{"event":"hired"}""") };
        request.Headers.Add("X-Delivery", delivery);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
