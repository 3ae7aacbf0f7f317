using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Mapping;
using ServicesSync.Canonical;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Mapping;

/// <summary>Time entries keep the LOCAL work date of the source, across offsets and daylight saving changes.</summary>
public class MapJiraWorklogActivityTests
{
    private static JsonObject Worklog(string started, string? authorTimeZone = null) => new()
    {
        ["event"] = "created",
        ["worklogId"] = "10100",
        ["issueId"] = "10042",
        ["author"] = authorTimeZone is null
            ? new JsonObject { ["accountId"] = "5b10ac8d" }
            : new JsonObject { ["accountId"] = "5b10ac8d", ["timeZone"] = authorTimeZone },
        ["started"] = started,
        ["timeSpentSeconds"] = 3600,
        ["comment"] = "Cutover rehearsal",
        ["issueKey"] = "ACME-42",
        ["projectKey"] = "ACME",
    };

    private static async Task<TimeEntry> MapAsync(JsonObject worklog, JsonObject? inputs = null)
    {
        var context = new TestActivityContext().ForActivity<MapJiraWorklogActivity>("map").WithInput(worklog).WithInputs(inputs ?? []);
        var output = (await new MapJiraWorklogActivity().RunAsync(context)).CompletedOn("done");
        return CanonicalJson.FromNode<TimeEntry>(output, "output");
    }

    [Fact]
    public async Task LateEveningWithANegativeOffset_StaysOnItsLocalDate()
    {
        var entry = await MapAsync(Worklog("2026-03-01T23:30:00.000-0600"));

        Assert.Equal(new DateOnly(2026, 3, 1), entry.WorkDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(-6)), entry.StartedAt);
        Assert.Equal(TimeSpan.FromHours(-6), entry.StartedAt!.Value.Offset);
    }

    [Theory]
    [InlineData("2026-03-01T00:15:00.000+1300", "2026-03-01")] // Auckland, still 28 Feb in UTC
    [InlineData("2026-03-01T23:59:00.000-1000", "2026-03-01")] // Honolulu, already 2 Mar in UTC
    [InlineData("2026-03-01T00:00:00.000+0000", "2026-03-01")]
    [InlineData("2026-03-01T05:45:00.000+0545", "2026-03-01")] // Kathmandu's quarter-hour offset
    public async Task WithoutAZone_TheOffsetAsWrittenDecides(string started, string date)
        => Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), (await MapAsync(Worklog(started))).WorkDate);

    [Fact]
    public async Task JiraRendersUtcButTheAuthorIsInChicago_TheAuthorsDateWins()
    {
        var worklog = (JsonObject)JsonNode.Parse(TestSupport.Sample("jira/worklog-created.json"))!["worklog"]!;
        var (_, normalized) = Jira.JiraWorklogParserAccess.Parse(TestSupport.SampleJson("jira/worklog-created.json"));
        normalized["issueKey"] = "ACME-42";
        normalized["projectKey"] = "ACME";

        var entry = await MapAsync(normalized);

        Assert.Equal("2026-03-02T05:30:00.000+0000", (string?)worklog["started"]);
        Assert.Equal(new DateOnly(2026, 3, 1), entry.WorkDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(-6)), entry.StartedAt);
    }

    [Theory]
    // Daylight saving starts in Chicago on Sunday 8 March 2026 at 02:00 (UTC-6 → UTC-5).
    [InlineData("2026-03-08T07:30:00.000+0000", "2026-03-08", -6)]
    [InlineData("2026-03-09T04:30:00.000+0000", "2026-03-08", -5)]
    [InlineData("2026-03-09T05:30:00.000+0000", "2026-03-09", -5)] // a fixed -6 would say 8 March
    // It ends on Sunday 1 November 2026 at 02:00 (UTC-5 → UTC-6).
    [InlineData("2026-11-01T06:30:00.000+0000", "2026-11-01", -5)]
    [InlineData("2026-11-02T05:30:00.000+0000", "2026-11-01", -6)] // a fixed -5 would say 2 November
    public async Task AcrossDaylightSavingChanges_TheZoneRulesOfThatDayApply(string started, string date, int offsetHours)
    {
        var entry = await MapAsync(Worklog(started, "America/Chicago"));

        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), entry.WorkDate);
        Assert.Equal(TimeSpan.FromHours(offsetHours), entry.StartedAt!.Value.Offset);
        Assert.Equal(DateTimeOffset.Parse(started, System.Globalization.CultureInfo.InvariantCulture), entry.StartedAt.Value);
    }

    [Fact]
    public async Task EuropeanDaylightSaving_IsHandledToo()
    {
        // Berlin moves to UTC+2 on Sunday 29 March 2026 at 02:00; 22:30 UTC on the 28th is 23:30 local.
        Assert.Equal(new DateOnly(2026, 3, 28), (await MapAsync(Worklog("2026-03-28T22:30:00.000+0000", "Europe/Berlin"))).WorkDate);
        Assert.Equal(new DateOnly(2026, 3, 30), (await MapAsync(Worklog("2026-03-29T22:30:00.000+0000", "Europe/Berlin"))).WorkDate);
    }

    [Fact]
    public async Task TimeZoneInput_WinsOverTheAuthorsProfile()
    {
        var entry = await MapAsync(Worklog("2026-03-02T05:30:00.000+0000", "America/Chicago"), new JsonObject { ["timeZone"] = "Asia/Kolkata" });

        Assert.Equal(new DateOnly(2026, 3, 2), entry.WorkDate);
        Assert.Equal(new TimeSpan(5, 30, 0), entry.StartedAt!.Value.Offset);
    }

    [Fact]
    public async Task AuthorZoneTurnedOff_UsesTheOffsetAsWritten()
        => Assert.Equal(new DateOnly(2026, 3, 2), (await MapAsync(Worklog("2026-03-02T05:30:00.000+0000", "America/Chicago"), new JsonObject { ["useAuthorTimeZone"] = false })).WorkDate);

    [Fact]
    public async Task Entry_HasSourceWorkerProjectTaskAndNoBillableOpinion()
    {
        var entry = await MapAsync(Worklog("2026-03-01T23:30:00.000-0600"));

        Assert.Equal((new ExternalRef("jira", "10100"), new ExternalRef("jira", "5b10ac8d"), new ExternalRef("jira", "ACME"), new ExternalRef("jira", "ACME-42")), (entry.Source, entry.Worker, entry.Project, entry.Task));
        Assert.Equal((3600L, (long?)null, ApprovalStatus.Draft, "Cutover rehearsal"), (entry.DurationSeconds, entry.BillableSeconds, entry.ApprovalStatus, entry.Description));
    }

    [Fact]
    public async Task Script_OverridesPropertiesAndIsValidated()
    {
        var entry = await MapAsync(Worklog("2026-03-01T23:30:00.000-0600"), new JsonObject { ["script"] = new JsonObject { ["type"] = "travel", ["billableSeconds"] = 1800 } });

        Assert.Equal((TimeEntryType.Travel, 1800L), (entry.Type, entry.BillableSeconds!.Value));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => MapAsync(Worklog("2026-03-01T23:30:00.000-0600"), new JsonObject { ["script"] = new JsonObject { ["durationSeconds"] = "lots" } }));
        Assert.StartsWith("Activity 'map': the mapping with input 'script' applied at 'durationSeconds' is not a valid TimeEntry", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutProjectKey_SaysToFetchTheIssue()
    {
        var worklog = Worklog("2026-03-01T23:30:00.000-0600");
        worklog.Remove("projectKey");

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => MapAsync(worklog));

        Assert.Equal("Activity 'map' (map.jiraWorklog): Jira worklog: worklog 10100 has no projectKey: fetch its issue first (jira.worklogEvent does, unless fetchIssue is off).", ex.Message);
    }

    [Fact]
    public async Task UnknownTimeZone_IsAClearError()
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => MapAsync(Worklog("2026-03-01T23:30:00.000-0600", "Mars/Olympus_Mons")));

        Assert.Contains("'Mars/Olympus_Mons' is not a known IANA time zone", ex.Message, StringComparison.Ordinal);
    }
}
