using System.Net;
using System.Text.Json;

namespace ServicesSync.Host.Tests.Api;

/// <summary>Steps several tests share: publish a workflow, start a run, wait for its end by polling with a deadline.</summary>
internal static class ApiScenario
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task PublishAsync(HttpClient client, string definitionJson, string id)
    {
        using var created = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(definitionJson));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var published = await client.PostAsync(new Uri($"/api/v1/workflows/{id}/publish", UriKind.Relative), null);
        Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
    }

    public static async Task<string> StartAsync(HttpClient client, string id, string input = "{}")
    {
        using var started = await client.PostAsync(new Uri($"/api/v1/workflows/{id}/runs", UriKind.Relative), HttpJson.Content(input));
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        return (await HttpJson.ReadAsync(started)).GetProperty("instanceId").GetString()!;
    }

    /// <summary>Polls the instance until its status is not running.</summary>
    public static async Task<JsonElement> WaitForEndAsync(HttpClient client, string instanceId)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var instance = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/instances/{instanceId}", UriKind.Relative)));
            if (instance.GetProperty("instance").GetProperty("status").GetString() != "running")
            {
                return instance;
            }

            Assert.True(DateTime.UtcNow < until, $"instance {instanceId} still running after {Deadline}");
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> WaitForDeadLetterAsync(HttpClient client, string workflowId)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var page = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/dead-letters?workflow={workflowId}&status=open", UriKind.Relative)));
            var items = page.GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                return items[0];
            }

            Assert.True(DateTime.UtcNow < until, $"no open dead letter for {workflowId} after {Deadline}");
            await Task.Delay(50);
        }
    }
}
