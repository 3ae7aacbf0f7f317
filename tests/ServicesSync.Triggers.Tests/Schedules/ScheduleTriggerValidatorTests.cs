using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Validation;

namespace ServicesSync.Triggers.Tests.Schedules;

public sealed class ScheduleTriggerValidatorTests
{
    private static List<ValidationProblem> Validate(JsonObject scheduleInputs)
    {
        var services = new ServiceCollection().AddLogging().AddInMemoryStore().AddServicesSyncRuntime();
        services.AddCoreActivities();
        services.AddServicesSyncTriggers(dataDirectory: null);
        using var provider = services.BuildServiceProvider();
        var definition = TriggerHarness.Workflow("nightly", "core.schedule", scheduleInputs);
        return provider.GetRequiredService<IWorkflowValidator>().Validate(definition).Where(p => p.Severity == ProblemSeverity.Error).ToList();
    }

    [Fact]
    public void Validate_UnknownTimeZone_IsAnErrorOnTheScheduleNode()
    {
        var problems = Validate(new JsonObject { ["cron"] = "0 0 6 * * ?", ["timeZone"] = "Europe/Atlantis" });

        var problem = Assert.Single(problems);
        Assert.Equal("trigger", problem.ActivityId);
        Assert.Contains("Europe/Atlantis", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidCron_IsAnError()
    {
        var problem = Assert.Single(Validate(new JsonObject { ["cron"] = "every morning", ["timeZone"] = "UTC" }));

        Assert.Contains("not a Quartz cron expression", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CronWithZoneAndMisfire_IsValid()
        => Assert.Empty(Validate(new JsonObject { ["cron"] = "0 0 6 ? * MON-FRI", ["timeZone"] = "America/New_York", ["misfire"] = "skip" }));

    [Fact]
    public void Validate_IntervalAlone_IsValid()
        => Assert.Empty(Validate(new JsonObject { ["interval"] = "PT15M" }));
}
