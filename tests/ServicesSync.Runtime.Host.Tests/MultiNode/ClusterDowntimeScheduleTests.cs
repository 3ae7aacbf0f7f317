using ServicesSync.Host.Tests.Api;
using ServicesSync.Testing.Host;
using ServicesSync.Testing.Waiting;

namespace ServicesSync.Host.Tests.MultiNode;

/// <summary>
/// Every node of a deployment down across several fire times of a schedule: when they come back
/// (together, racing for the claim), the misfire policy applies once — one catch-up run for the
/// whole gap with <c>fireOnce</c> — and the schedule then goes on on time.
/// </summary>
public sealed class ClusterDowntimeScheduleTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(20);

    private const string Workflow = """
        {
          "schemaVersion": 1,
          "id": "every-twenty-seconds",
          "name": "Every twenty seconds",
          "activities": [
            { "id": "tick", "type": "core.schedule", "inputs": { "interval": "PT20S", "misfire": "fireOnce" } },
            { "id": "note", "type": "core.set", "inputs": { "template": { "done": true } } }
          ],
          "connections": [ { "from": "tick", "to": "note" } ]
        }
        """;

    [Fact]
    public async Task AllNodesDownAcrossTwoFireTimes_ComeBackTogether_OneCatchUpRun_ThenOnTimeAgain()
    {
        var cluster = await Cluster.CreateAsync("misfire");
        await using var first = await ServicesSyncProcess.StartAsync(Node(cluster));
        await using var second = await ServicesSyncProcess.StartAsync(Node(cluster));
        using (var admin = first.CreateClient())
        {
            await ApiScenario.PublishAsync(admin, Workflow, "every-twenty-seconds");
            await WaitForRunsAsync(admin, 1, Period * 2);
        }

        first.Kill();
        second.Kill();
        var killedAt = DateTimeOffset.UtcNow;

        // Two fire times pass while nothing runs; come back 7 s after an occurrence, so that it is
        // late by more than the 3 s threshold however long the start takes (up to 13 s).
        var restartAt = Occurrence(killedAt) + (Period * 2) + TimeSpan.FromSeconds(7);
        await Task.Delay(restartAt - DateTimeOffset.UtcNow);
        var missed = Occurrence(restartAt);
        await Task.WhenAll(first.RestartAsync(), second.RestartAsync());

        using var client = second.CreateClient();
        var runs = await WaitForRunsAsync(client, 3, Period * 2);

        var catchUps = runs.Where(r => r.CatchUp).ToArray();
        var catchUp = Assert.Single(catchUps);
        Assert.Equal(missed, catchUp.Scheduled);
        var onTime = runs.Where(r => !r.CatchUp).Select(r => r.Scheduled).Order().ToArray();
        Assert.Equal(onTime.Length, onTime.Distinct().Count());
        Assert.Contains(missed + Period, onTime);
        Assert.DoesNotContain(missed - Period, onTime); // the occurrences of the gap are not fired one by one
    }

    private static ServicesSyncProcessOptions Node(Cluster cluster)
    {
        var options = cluster.Node();
        options.Environment["ServicesSync__Triggers__MisfireThreshold"] = "00:00:03";
        return options;
    }

    /// <summary>The latest occurrence at or before <paramref name="at"/>: intervals count from 1970-01-01T00:00Z.</summary>
    private static DateTimeOffset Occurrence(DateTimeOffset at)
        => new(at.UtcTicks - (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) % Period.Ticks, TimeSpan.Zero);

    private static async Task<IReadOnlyList<(DateTimeOffset Scheduled, bool CatchUp)>> WaitForRunsAsync(HttpClient client, int count, TimeSpan limit)
    {
        var page = await Poll.ForAsync(
            async () => await HttpJson.ReadAsync(await client.GetAsync(new Uri("api/v1/instances?workflow=every-twenty-seconds&status=completed&take=100", UriKind.Relative))),
            page => page.GetProperty("items").GetArrayLength() >= count,
            limit,
            _ => $"fewer than {count} completed runs");
        var runs = new List<(DateTimeOffset, bool)>();
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var run = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"api/v1/instances/{item.GetProperty("id").GetString()}", UriKind.Relative)));
            var input = run.GetProperty("input");
            runs.Add((input.GetProperty("scheduledTime").GetDateTimeOffset(), input.GetProperty("catchUp").GetBoolean()));
        }

        return runs;
    }
}
