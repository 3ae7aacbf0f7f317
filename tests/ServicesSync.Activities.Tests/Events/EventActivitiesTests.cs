using System.Text.Json.Nodes;
using ServicesSync.Activities.Events;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Events;

public class EventActivitiesTests
{
    [Fact]
    public async Task PublishEvent_RecordsTheEventAndPassesTheMessageOn()
    {
        var context = new TestActivityContext()
            .ForActivity<PublishEventActivity>("announce")
            .WithInput(JsonNode.Parse("""{ "worker": "W-7" }"""))
            .WithInputValue("name", "worker.activated")
            .WithInputValue("correlationKey", "W-7")
            .Build();

        var result = await new PublishEventActivity().ExecuteAsync(context);

        JsonAssert.Equal("""{ "worker": "W-7" }""", result.CompletedOn("done"));
        var published = Assert.Single(context.PublishedEvents);
        Assert.Equal(("worker.activated", "W-7"), (published.Name, published.CorrelationKey));
        JsonAssert.Equal("""{ "worker": "W-7" }""", published.Payload);
    }

    [Fact]
    public async Task PublishEvent_WithAnExplicitPayload_PublishesThatPayload()
    {
        var context = new TestActivityContext()
            .ForActivity<PublishEventActivity>("announce")
            .WithInput(JsonNode.Parse("""{ "worker": "W-7" }"""))
            .WithInputValue("name", "timesheet.approved")
            .WithInputValue("payload", JsonNode.Parse("""{ "timesheet": "TS-1" }"""))
            .Build();

        await new PublishEventActivity().ExecuteAsync(context);

        JsonAssert.Equal("""{ "timesheet": "TS-1" }""", Assert.Single(context.PublishedEvents).Payload);
    }

    [Fact]
    public async Task WaitForEvent_SuspendsOnTheEventBookmarkWithTheTimeout()
    {
        var builder = new TestActivityContext()
            .ForActivity<WaitForEventActivity>("await")
            .WithInputValue("name", "manager.approved")
            .WithInputValue("correlationKey", "TS-1")
            .WithInputValue("timeout", "PT2H");

        var result = await new WaitForEventActivity().RunAsync(builder);

        var bookmark = Assert.IsType<SuspendedResult>(result).Bookmark;
        Assert.Equal("event:manager.approved", bookmark.Name);
        Assert.Equal("TS-1", bookmark.CorrelationKey);
        Assert.Equal(builder.Clock.GetUtcNow().AddHours(2), bookmark.ResumeAt);
    }

    [Theory]
    [InlineData(false, "received", """{ "approvedBy": "M-1" }""")]
    [InlineData(true, "timeout", """{ "timesheet": "TS-1" }""")]
    public async Task WaitForEvent_Resumed_TakesReceivedWithThePayloadOrTimeoutWithTheMessage(bool timedOut, string outcome, string output)
    {
        var context = new TestActivityContext()
            .ForActivity<WaitForEventActivity>("await")
            .WithInput(JsonNode.Parse("""{ "timesheet": "TS-1" }"""))
            .WithInputValue("name", "manager.approved")
            .Build();
        var resumption = new BookmarkResumption(new Bookmark("event:manager.approved"), JsonNode.Parse("""{ "approvedBy": "M-1" }"""), timedOut);

        var result = await new WaitForEventActivity().ResumeAsync(context, resumption);

        JsonAssert.Equal(output, result.CompletedOn(outcome));
    }

    [Fact]
    public async Task WaitForEvent_ZeroTimeout_IsRefused()
    {
        var builder = new TestActivityContext()
            .ForActivity<WaitForEventActivity>("await")
            .WithInputValue("name", "manager.approved")
            .WithInputValue("timeout", "PT0S");

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new WaitForEventActivity().RunAsync(builder));

        Assert.Contains("input 'timeout'", ex.Message, StringComparison.Ordinal);
    }
}
