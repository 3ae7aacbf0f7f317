using System.Text.Json.Nodes;
using ServicesSync.Activities.Timers;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Timers;

public class TimerActivitiesTests
{
    [Fact]
    public async Task Delay_SuspendsOnATimerAtNowPlusTheDuration()
    {
        var builder = new TestActivityContext().ForActivity<DelayActivity>("pause").WithInputValue("duration", "PT15M");

        var result = await new DelayActivity().RunAsync(builder);

        var bookmark = Assert.IsType<SuspendedResult>(result).Bookmark;
        Assert.Equal("timer", bookmark.Name);
        Assert.Equal(builder.Clock.GetUtcNow().AddMinutes(15), bookmark.ResumeAt);
    }

    [Fact]
    public async Task Delay_OfZero_ContinuesAtOnce()
    {
        var builder = new TestActivityContext().ForActivity<DelayActivity>("pause").WithInput(JsonNode.Parse("[1]")).WithInputValue("duration", "PT0S");

        var result = await new DelayActivity().RunAsync(builder);

        JsonAssert.Equal("[1]", result.CompletedOn("done"));
    }

    [Fact]
    public async Task Delay_WithoutADuration_IsRefused()
    {
        var builder = new TestActivityContext().ForActivity<DelayActivity>("pause");

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new DelayActivity().RunAsync(builder));

        Assert.Contains("input 'duration'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntil_AFutureTime_SuspendsUntilThen()
    {
        var builder = new TestActivityContext().ForActivity<WaitUntilActivity>("month-end").WithInputValue("until", "2026-02-01T09:00:00+01:00");

        var result = await new WaitUntilActivity().RunAsync(builder);

        Assert.Equal(DateTimeOffset.Parse("2026-02-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<SuspendedResult>(result).Bookmark.ResumeAt);
    }

    [Fact]
    public async Task WaitUntil_APastTime_ContinuesAtOnce()
    {
        var builder = new TestActivityContext().ForActivity<WaitUntilActivity>("month-end").WithInput(JsonValue.Create(1)).WithInputValue("until", "2020-01-01T00:00:00Z");

        var result = await new WaitUntilActivity().RunAsync(builder);

        JsonAssert.Equal("1", result.CompletedOn("done"));
    }

    [Fact]
    public async Task Timers_Resumed_PassTheOriginalMessageOn()
    {
        var context = new TestActivityContext().ForActivity<DelayActivity>("pause").WithInput(JsonNode.Parse("""{"a":1}""")).WithInputValue("duration", "PT1M").Build();

        var result = await new DelayActivity().ResumeAsync(context, new BookmarkResumption(new Bookmark("timer"), null, TimedOut: true));

        JsonAssert.Equal("""{"a":1}""", result.CompletedOn("done"));
    }
}
