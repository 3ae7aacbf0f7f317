using System.Text.Json.Nodes;
using ServicesSync.Activities.Polling;
using ServicesSync.Persistence;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Polling;

public sealed class WatermarkActivitiesTests
{
    private readonly FakeWatermarkStore store = new();

    private static TestActivityContext Context<TActivity>(JsonObject inputs, string instance = "run-1")
        where TActivity : IActivity
        => new TestActivityContext()
            .ForActivity<TActivity>("mark")
            .ForInstance("bamboo-poll", instance)
            .WithInputs(inputs)
            .WithInput(JsonNode.Parse("""{"changed":3}"""));

    [Fact]
    public async Task Get_BeforeAnyAdvance_GivesTheInitialValue()
    {
        var result = await new WatermarkGetActivity(store).RunAsync(Context<WatermarkGetActivity>(new JsonObject { ["name"] = "employees", ["initial"] = "2026-01-01T00:00:00Z" }));

        var output = result.CompletedOn("done")!;
        Assert.Equal("2026-01-01T00:00:00Z", output["value"]!.GetValue<string>());
        Assert.Null(output["updatedAt"]);
    }

    [Fact]
    public async Task Advance_ThenGet_GivesTheNewMark_AndPassesTheMessageOn()
    {
        var advanced = await new WatermarkAdvanceActivity(store).RunAsync(Context<WatermarkAdvanceActivity>(new JsonObject { ["name"] = "employees", ["value"] = "2026-03-02T09:00:00Z" }));
        var read = await new WatermarkGetActivity(store).RunAsync(Context<WatermarkGetActivity>(new JsonObject { ["name"] = "employees" }, "run-2"));

        JsonAssert.Equal("""{"changed":3}""", advanced.CompletedOn("done"));
        Assert.Equal("2026-03-02T09:00:00Z", read.CompletedOn("done")!["value"]!.GetValue<string>());
        Assert.Equal("run-1", store.Records[("bamboo-poll", "employees")].UpdatedBy);
    }

    [Theory]
    [InlineData("\"2026-03-02T08:00:00Z\"", "\"2026-03-02T09:00:00Z\"")]
    [InlineData("41", "42")]
    public async Task Advance_WithAnOlderValue_KeepsTheNewerMark(string older, string newer)
    {
        await new WatermarkAdvanceActivity(store).RunAsync(Context<WatermarkAdvanceActivity>(new JsonObject { ["name"] = "m", ["value"] = JsonNode.Parse(newer) }));

        await new WatermarkAdvanceActivity(store).RunAsync(Context<WatermarkAdvanceActivity>(new JsonObject { ["name"] = "m", ["value"] = JsonNode.Parse(older) }, "late-run"));

        Assert.Equal(newer, store.Records[("bamboo-poll", "m")].ValueJson);
    }

    [Fact]
    public async Task Advance_OnlyForwardOff_MovesTheMarkBack()
    {
        await new WatermarkAdvanceActivity(store).RunAsync(Context<WatermarkAdvanceActivity>(new JsonObject { ["name"] = "m", ["value"] = 42 }));

        await new WatermarkAdvanceActivity(store).RunAsync(Context<WatermarkAdvanceActivity>(new JsonObject { ["name"] = "m", ["value"] = 7, ["onlyForward"] = false }));

        Assert.Equal("7", store.Records[("bamboo-poll", "m")].ValueJson);
    }

    [Fact]
    public async Task Advance_WithoutAValue_IsAValidationErrorNamingTheInput()
    {
        var error = await Assert.ThrowsAsync<Errors.ServicesSyncException>(
            async () => await new WatermarkAdvanceActivity(store).RunAsync(Context<WatermarkAdvanceActivity>(new JsonObject { ["name"] = "m" })));

        Assert.Contains("'value'", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.Records);
    }

    private sealed class FakeWatermarkStore : IWatermarkStore
    {
        public Dictionary<(string, string), WatermarkRecord> Records { get; } = [];

        public Task<WatermarkRecord?> GetWatermarkAsync(string workflowId, string name, CancellationToken cancellationToken)
            => Task.FromResult(Records.GetValueOrDefault((workflowId, name)));

        public Task PutWatermarkAsync(WatermarkRecord record, CancellationToken cancellationToken)
        {
            Records[(record.WorkflowId, record.Name)] = record;
            return Task.CompletedTask;
        }
    }
}
