using System.Text.Json.Nodes;
using ServicesSync.Activities.Control;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Control;

public class JoinActivityTests
{
    [Fact]
    public async Task Execute_ArrivedMessages_ArePassedOnKeyedByActivityId()
    {
        var context = new TestActivityContext()
            .ForActivity<JoinActivity>("both")
            .WithInputValue("mode", "any")
            .WithInput(JsonNode.Parse("""{ "psa": { "id": 1 }, "erp": { "id": 2 } }"""));

        var result = await new JoinActivity().RunAsync(context);

        JsonAssert.Equal("""{ "psa": { "id": 1 }, "erp": { "id": 2 } }""", result.CompletedOn("done"));
    }

    [Fact]
    public void Descriptor_IsAJoinWithModeAllOrAny()
    {
        var descriptor = ActivityDescriptorFactory.Create<JoinActivity>();

        Assert.Equal("core.join", descriptor.Type);
        Assert.Equal(FlowRole.Join, descriptor.Role);
        Assert.Equal(["done"], descriptor.Outcomes.Select(o => o.Name));
        var mode = Assert.Single(descriptor.Inputs);
        Assert.Equal("mode", mode.Name);
        Assert.Equal(InputTypes.Enum, mode.Type);
        Assert.Equal(["all", "any"], mode.Options);
        Assert.Equal("all", mode.Default?.GetValue<string>());
        Assert.False(mode.ExpressionCapable);
    }
}
