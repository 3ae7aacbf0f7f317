using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Runtime.Tests.Execution;

public sealed class SubWorkflowTests
{
    [Fact]
    public async Task Run_CallWorkflow_ContinuesWithTheChildOutput()
    {
        await using var harness = new EngineHarness();
        await harness.PublishAsync(FlowBuilder.Create("child")
            .Add("shape", "core.set", new JsonObject { ["template"] = new JsonObject { ["erpId"] = "E-{{input.id}}" } })
            .Chain("start", "shape")
            .Build());
        var parent = FlowBuilder.Create("parent")
            .Add("call", "core.callWorkflow", new JsonObject { ["workflowId"] = "child" })
            .Add("after", "core.set", new JsonObject { ["template"] = new JsonObject { ["child"] = "{{input}}" } })
            .Chain("start", "call", "after")
            .Build();

        var run = await harness.RunAsync(parent, new JsonObject { ["id"] = 7 });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("""{"child":{"erpId":"E-7"}}""", run.OutputJson);
        var children = await harness.Store.QueryAsync(new InstanceQuery { WorkflowId = "child" }, CancellationToken.None);
        var child = Assert.Single(children.Items);
        Assert.Equal(run.Id, child.ParentInstanceId);
        Assert.Equal(InstanceStatus.Completed, child.Status);
    }

    [Fact]
    public async Task Run_CallOfAnUnpublishedWorkflow_FaultsTheCallingActivity()
    {
        await using var harness = new EngineHarness();
        var parent = FlowBuilder.Create("parent")
            .Add("call", "core.callWorkflow", new JsonObject { ["workflowId"] = "missing" })
            .Chain("start", "call")
            .Build();

        var run = await harness.RunAsync(parent);

        Assert.Equal(InstanceStatus.Faulted, run.Status);
        Assert.Contains("missing", run.Error!.Message, StringComparison.Ordinal);
    }
}
