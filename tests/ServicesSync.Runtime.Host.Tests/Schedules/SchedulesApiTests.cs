using System.Text.Json;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Hooks;

namespace ServicesSync.Host.Tests.Schedules;

public sealed class SchedulesApiTests(HooksFactory factory) : IClassFixture<HooksFactory>
{
    [Fact]
    public async Task List_AfterPublishing_ShowsTheScheduleWithItsNextFireTimeInItsZone()
    {
        var admin = await factory.AdminAsync();
        await ApiScenario.PublishAsync(admin, """
            {
              "schemaVersion": 1, "id": "nightly-sync", "name": "Nightly sync",
              "activities": [
                { "id": "cron", "type": "core.schedule", "inputs": { "cron": "0 30 2 * * ?", "timeZone": "America/New_York", "misfire": "skip" } },
                { "id": "note", "type": "core.set", "inputs": { "template": { "ok": true } } }
              ],
              "connections": [ { "from": "cron", "to": "note" } ]
            }
            """, "nightly-sync");

        var schedule = await WaitForNextFireTimeAsync(admin, "nightly-sync");

        Assert.Equal(1, schedule.GetProperty("version").GetInt32());
        Assert.Equal("cron", schedule.GetProperty("triggerId").GetString());
        Assert.Equal("0 30 2 * * ?", schedule.GetProperty("cron").GetString());
        Assert.Equal("America/New_York", schedule.GetProperty("timeZone").GetString());
        Assert.Equal("skip", schedule.GetProperty("misfire").GetString());
        Assert.Equal(JsonValueKind.Null, schedule.GetProperty("lastFireTime").ValueKind);
        var next = schedule.GetProperty("nextFireTime").GetDateTimeOffset();
        var local = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal(new TimeSpan(2, 30, 0), local.TimeOfDay);
        Assert.InRange(next - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromHours(25));
    }

    private static async Task<JsonElement> WaitForNextFireTimeAsync(HttpClient client, string workflowId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var list = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/schedules?workflow={workflowId}", UriKind.Relative)));
            var items = list.GetProperty("items");
            if (items.GetArrayLength() == 1 && items[0].GetProperty("nextFireTime").ValueKind != JsonValueKind.Null)
            {
                return items[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"no schedule with a next fire time for {workflowId}: {list}");
            await Task.Delay(50);
        }
    }
}
