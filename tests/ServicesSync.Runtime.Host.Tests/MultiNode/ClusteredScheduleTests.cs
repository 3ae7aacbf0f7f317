using ServicesSync.Host.Tests.Api;
using ServicesSync.Testing.Waiting;

namespace ServicesSync.Host.Tests.MultiNode;

/// <summary>One schedule published on one of three real <c>serve</c> processes sharing a PostgreSQL store.</summary>
public sealed class ClusteredScheduleTests
{
    private const string Workflow = """
        {
          "schemaVersion": 1,
          "id": "every-two-seconds",
          "name": "Every two seconds",
          "activities": [
            { "id": "tick", "type": "core.schedule", "inputs": { "interval": "PT2S" } },
            { "id": "note", "type": "core.set", "inputs": { "template": { "at": "{{input.scheduledTime}}" } } }
          ],
          "connections": [ { "from": "tick", "to": "note" } ]
        }
        """;

    [Fact]
    public async Task ThreeNodes_OverTwentyFireTimes_StartExactlyOneRunPerFireTime_WithoutGaps()
    {
        var cluster = await Cluster.CreateAsync("schedules");
        await using var first = await cluster.StartAsync();
        await using var second = await cluster.StartAsync();
        await using var third = await cluster.StartAsync();
        using var admin = second.CreateClient();
        await ApiScenario.PublishAsync(admin, Workflow, "every-two-seconds");

        var page = await Poll.ForAsync(
            async () => await HttpJson.ReadAsync(await admin.GetAsync(new Uri("api/v1/instances?workflow=every-two-seconds&status=completed&take=500", UriKind.Relative))),
            page => page.GetProperty("total").GetInt32() >= 22,
            TimeSpan.FromSeconds(120),
            page => $"only {page.GetProperty("total").GetInt32()} runs completed");

        var times = new List<DateTimeOffset>();
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var run = await HttpJson.ReadAsync(await admin.GetAsync(new Uri($"api/v1/instances/{item.GetProperty("id").GetString()}", UriKind.Relative)));
            times.Add(run.GetProperty("output").GetProperty("at").GetDateTimeOffset());
        }

        Assert.True(times.Count >= 22, $"only {times.Count} runs within two minutes");
        Assert.Equal(times.Count, times.Distinct().Count());
        var ordered = times.Order().ToArray();
        // The first occurrence may come from whichever node synced first; after it, every two seconds exactly once.
        for (var i = 2; i < ordered.Length; i++)
        {
            Assert.Equal(TimeSpan.FromSeconds(2), ordered[i] - ordered[i - 1]);
        }
    }
}
