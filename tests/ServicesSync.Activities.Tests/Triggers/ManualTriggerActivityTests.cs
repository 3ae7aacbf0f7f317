using System.Text.Json.Nodes;
using ServicesSync.Activities.Triggers;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Triggers;

public class ManualTriggerActivityTests
{
    [Fact]
    public async Task Execute_WithPayload_PassesItOnDone()
    {
        var context = new TestActivityContext()
            .ForActivity<ManualTriggerActivity>("start")
            .WithInput(JsonNode.Parse("""{ "workerId": "W-1", "hours": [1, 2] }"""));

        var result = await new ManualTriggerActivity().RunAsync(context);

        JsonAssert.Equal("""{ "workerId": "W-1", "hours": [1, 2] }""", result.CompletedOn("done"));
    }

    [Fact]
    public async Task Execute_WithoutPayload_CompletesWithNull()
    {
        var result = await new ManualTriggerActivity().RunAsync(new TestActivityContext().ForActivity<ManualTriggerActivity>());

        Assert.Null(result.CompletedOn("done"));
    }

    [Fact]
    public void Descriptor_IsATriggerWithoutInputs()
    {
        var descriptor = ActivityDescriptorFactory.Create<ManualTriggerActivity>();

        Assert.Equal("core.manual", descriptor.Type);
        Assert.True(descriptor.IsTrigger);
        Assert.Equal("Triggers", descriptor.Category);
        Assert.Equal("Manual trigger", descriptor.DisplayName);
        Assert.Empty(descriptor.Inputs);
        Assert.Equal(["done"], descriptor.Outcomes.Select(o => o.Name));
        Assert.Equal(FlowRole.Task, descriptor.Role);
    }
}
