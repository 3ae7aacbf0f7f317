using System.Text.Json.Nodes;
using ServicesSync.Activities.Triggers;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Triggers;

public class ScheduleTriggerActivityTests
{
    [Fact]
    public async Task Execute_WhenFired_PassesTheFiringPayloadOn()
    {
        var context = new TestActivityContext()
            .ForActivity<ScheduleTriggerActivity>("nightly")
            .WithInputs(new JsonObject { ["cron"] = "0 0 2 * * ?", ["timeZone"] = "Europe/Berlin" })
            .WithInput(JsonNode.Parse("""{ "firedAt": "2026-01-05T01:00:00Z" }"""));

        var result = await new ScheduleTriggerActivity().RunAsync(context);

        JsonAssert.Equal("""{ "firedAt": "2026-01-05T01:00:00Z" }""", result.CompletedOn("done"));
    }

    [Fact]
    public void Descriptor_CronIsOptional_BecauseAnIntervalMayReplaceIt_WithCronEditorAndNoExpressions()
    {
        var descriptor = ActivityDescriptorFactory.Create<ScheduleTriggerActivity>();

        Assert.Equal("core.schedule", descriptor.Type);
        Assert.True(descriptor.IsTrigger);
        Assert.Equal("Triggers", descriptor.Category);
        var cron = Assert.IsType<InputDescriptor>(descriptor.FindInput("cron"));
        Assert.False(cron.Required);
        Assert.Equal(EditorHints.Cron, cron.Editor);
        Assert.False(cron.ExpressionCapable);
        Assert.Null(cron.Default);
    }

    [Fact]
    public void Descriptor_TimeZoneDefaultsToUtc()
    {
        var timeZone = Assert.IsType<InputDescriptor>(ActivityDescriptorFactory.Create<ScheduleTriggerActivity>().FindInput("timeZone"));

        Assert.Equal(InputTypes.String, timeZone.Type);
        Assert.Equal("UTC", timeZone.Default?.GetValue<string>());
        Assert.False(timeZone.Required);
        Assert.False(timeZone.ExpressionCapable);
    }

    [Fact]
    public void Descriptor_IntervalIsADurationAndMisfireIsFireOnceOrSkip()
    {
        var descriptor = ActivityDescriptorFactory.Create<ScheduleTriggerActivity>();

        Assert.Equal(InputTypes.Duration, descriptor.FindInput("interval")!.Type);
        var misfire = Assert.IsType<InputDescriptor>(descriptor.FindInput("misfire"));
        Assert.Equal(["fireOnce", "skip"], misfire.Options);
        Assert.Equal("fireOnce", misfire.Default?.GetValue<string>());
    }
}
