using System.Text.Json.Nodes;
using ServicesSync.Activities.Control;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Control;

public class CallWorkflowActivityTests
{
    [Fact]
    public async Task Execute_WithoutInput_CallsWithTheIncomingMessage()
    {
        var context = new TestActivityContext()
            .ForActivity<CallWorkflowActivity>("provision")
            .WithInput(JsonNode.Parse("""{ "workerId": "W-1" }"""))
            .WithInputValue("workflowId", "provision-worker");

        var result = await new CallWorkflowActivity().RunAsync(context);

        var call = Assert.IsType<CallWorkflowResult>(result);
        Assert.Equal("provision-worker", call.WorkflowId);
        Assert.Null(call.Version);
        JsonAssert.Equal("""{ "workerId": "W-1" }""", call.Input);
    }

    [Fact]
    public async Task Execute_WithInputAndVersion_CallsThatVersionWithThatInput()
    {
        var context = new TestActivityContext()
            .ForActivity<CallWorkflowActivity>("provision")
            .WithInput(JsonNode.Parse("""{ "workerId": "W-1" }"""))
            .WithInputs(new JsonObject { ["workflowId"] = "provision-worker", ["version"] = 3, ["input"] = new JsonObject { ["id"] = "X" } });

        var call = Assert.IsType<CallWorkflowResult>(await new CallWorkflowActivity().RunAsync(context));

        Assert.Equal(3, call.Version);
        JsonAssert.Equal("""{ "id": "X" }""", call.Input);
    }

    [Fact]
    public async Task Execute_InputSetToNull_CallsWithTheIncomingMessage()
    {
        var context = new TestActivityContext()
            .ForActivity<CallWorkflowActivity>("provision")
            .WithInput(JsonNode.Parse("""{ "workerId": "W-1" }"""))
            .WithInputs(new JsonObject { ["workflowId"] = "provision-worker", ["input"] = null });

        var call = Assert.IsType<CallWorkflowResult>(await new CallWorkflowActivity().RunAsync(context));

        JsonAssert.Equal("""{ "workerId": "W-1" }""", call.Input);
    }

    [Theory]
    [InlineData(null, null, "input 'workflowId' is required and must not be blank.")]
    [InlineData("", null, "input 'workflowId' is required and must not be blank.")]
    [InlineData("child", 0, "input 'version' must be 1 or more when set; got 0.")]
    public async Task Execute_BadInputs_FailNamingTheInput(string? workflowId, int? version, string expected)
    {
        var context = new TestActivityContext()
            .ForActivity<CallWorkflowActivity>("provision")
            .WithInputs(new JsonObject { ["workflowId"] = workflowId, ["version"] = version });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new CallWorkflowActivity().RunAsync(context));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal($"Activity 'provision' (core.callWorkflow): {expected}", ex.Message);
    }

    [Fact]
    public void Descriptor_WorkflowIdUsesTheWorkflowPicker()
    {
        var descriptor = ActivityDescriptorFactory.Create<CallWorkflowActivity>();

        Assert.Equal("core.callWorkflow", descriptor.Type);
        var workflowId = Assert.IsType<InputDescriptor>(descriptor.FindInput("workflowId"));
        Assert.True(workflowId.Required);
        Assert.Equal(EditorHints.Workflow, workflowId.Editor);
        var version = Assert.IsType<InputDescriptor>(descriptor.FindInput("version"));
        Assert.Equal(InputTypes.Integer, version.Type);
        Assert.False(version.Required);
        Assert.Null(version.Default);
        var input = Assert.IsType<InputDescriptor>(descriptor.FindInput("input"));
        Assert.Equal(InputTypes.Json, input.Type);
        Assert.False(input.Required);
    }
}
