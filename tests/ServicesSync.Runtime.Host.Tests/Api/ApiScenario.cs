using System.Net;
using System.Text.Json;
using ServicesSync.Testing.Waiting;

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
    public static Task<JsonElement> WaitForEndAsync(HttpClient client, string instanceId)
        => Poll.ForAsync(
            async () => await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/instances/{instanceId}", UriKind.Relative))),
            instance => instance.GetProperty("instance").GetProperty("status").GetString() != "running",
            Deadline,
            _ => $"instance {instanceId} still running");

    public static async Task<JsonElement> WaitForDeadLetterAsync(HttpClient client, string workflowId)
    {
        var page = await Poll.ForAsync(
            async () => await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/dead-letters?workflow={workflowId}&status=open", UriKind.Relative))),
            page => page.GetProperty("items").GetArrayLength() > 0,
            Deadline,
            _ => $"no open dead letter for {workflowId}");
        return page.GetProperty("items")[0];
    }
}
