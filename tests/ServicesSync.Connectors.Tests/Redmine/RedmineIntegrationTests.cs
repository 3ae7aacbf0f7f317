using System.Text.Json.Nodes;
using ServicesSync.Connections;
using ServicesSync.Connectors.Redmine;
using ServicesSync.Connectors.Tests.Support;
using ServicesSync.Testing.RealSystems;

namespace ServicesSync.Connectors.Tests.Redmine;

/// <summary>Redmine 5.0 on loopback as the PSA side: project, user, membership, issue, time entries read back page by page.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the fields in IAsyncLifetime.DisposeAsync.")]
public sealed class RedmineIntegrationTests : IAsyncLifetime
{
    private readonly ConnectorsHarness harness = new();

    public async Task InitializeAsync()
    {
        var settings = await RealSystemScript.RunAsync("redmine.sh", "start");
        await harness.AddConnectionAsync(
            "psa",
            new ConnectionDefinition
            {
                Type = ConnectionTypes.Redmine,
                BaseUrl = settings["REDMINE_URL"],
                Auth = new ConnectionAuth { Kind = AuthKinds.RedmineApiKey },
            },
            new Dictionary<string, string> { ["apiKey"] = settings["REDMINE_API_KEY"] });
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task PostTimeEntries_ThenListThemAcrossPages_AndARepostAddsNone()
    {
        // Unique per run: the Redmine database is shared by runs until it is reset.
        var run = Guid.NewGuid().ToString("N")[..8];
        var project = await harness.RunAsync<RedmineUpsertProjectActivity>(
            new JsonObject { ["connection"] = "psa", ["identifier"] = $"ss-{run}" },
            JsonNode.Parse("""{ "id": "p-1", "name": "Contoso rollout", "currency": "USD" }"""));
        var user = await harness.RunAsync<RedmineUpsertUserActivity>(
            new JsonObject { ["connection"] = "psa" },
            JsonNode.Parse($$"""{ "id": "w-1", "givenName": "Ada", "familyName": "Lovelace", "email": "ada-{{run}}@example.com" }"""));
        var projectId = (int)project.Output!["projectId"]!;
        var userId = (int)user.Output!["userId"]!;
        await harness.RunAsync<RedmineAddMembershipActivity>(new JsonObject
        {
            ["connection"] = "psa", ["project"] = $"ss-{run}", ["userId"] = userId, ["roleIds"] = new JsonArray(4),
        });
        var issue = await harness.RunAsync<RedmineCreateIssueActivity>(new JsonObject
        {
            ["connection"] = "psa", ["project"] = projectId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["subject"] = "Design", ["trackerId"] = 2,
        });
        var issueId = (int)issue.Output!["issueId"]!;

        for (var i = 1; i <= 3; i++)
        {
            var posted = await PostAsync($"jira-{run}-{i}", issueId, userId, i * 1800);
            Assert.True((bool)posted.Output!["created"]!);
        }

        var repost = await PostAsync($"jira-{run}-2", issueId, userId, 3600);
        Assert.False((bool)repost.Output!["created"]!);

        var api = (RedmineApi)harness.Services.GetService(typeof(RedmineApi))!;
        var connection = await harness.Connections.GetAsync("psa", CancellationToken.None);
        var paged = await api.ListAllAsync(connection, "time_entries.json", "time_entries", new() { ["project_id"] = projectId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, CancellationToken.None, pageSize: 2);
        Assert.Equal(3, paged.Count);

        var listed = await harness.RunAsync<RedmineListTimeEntriesActivity>(new JsonObject { ["connection"] = "psa", ["project"] = $"ss-{run}" });
        var entries = listed.Output!["entries"]!.AsArray();
        Assert.Equal(3, (int)listed.Output["count"]!);
        Assert.Equal([1800L, 3600L, 5400L], entries.Select(e => (long)e!["durationSeconds"]!).Order());
        Assert.All(entries, e => Assert.Equal(userId.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)e!["worker"]!["id"]));
        Assert.All(entries, e => Assert.Equal("2026-03-02", (string?)e!["workDate"]));
        Assert.Contains(entries, e => ((string?)e!["description"])!.EndsWith($"[jira:jira-{run}-2]", StringComparison.Ordinal));
    }

    private Task<ServicesSync.Activities.CompletedResult> PostAsync(string sourceId, int issueId, int userId, int seconds)
        => harness.RunAsync<RedminePostTimeEntryActivity>(
            new JsonObject { ["connection"] = "psa", ["issueId"] = issueId, ["userId"] = userId, ["activityId"] = 9 },
            JsonNode.Parse($$"""
                { "source": { "system": "jira", "id": "{{sourceId}}" }, "worker": { "system": "canonical", "id": "w-1" },
                  "project": { "system": "canonical", "id": "p-1" }, "workDate": "2026-03-02", "durationSeconds": {{seconds}}, "description": "Workshop" }
                """));
}
