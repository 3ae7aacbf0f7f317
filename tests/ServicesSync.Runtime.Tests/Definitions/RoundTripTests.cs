using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Errors;
using ServicesSync.Testing.Definitions;

namespace ServicesSync.Runtime.Tests.Definitions;

public sealed class RoundTripTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_SerializedDefinition_PreservesEveryField(bool indented)
    {
        var original = TestWorkflows.Valid();

        var result = WorkflowDefinitionReader.Read(DefinitionJson.Serialize(original, indented));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var read = result.Definition;
        Assert.Equal(DefinitionJson.Serialize(original), DefinitionJson.Serialize(read));
        Assert.Equal((original.Id, original.Version, original.Name, original.Description), (read.Id, read.Version, read.Name, read.Description));
        Assert.True(JsonNode.DeepEquals(original.Variables, read.Variables));
        Assert.True(JsonNode.DeepEquals(original.Layout, read.Layout));
        Assert.Equal(original.Connections, read.Connections);
        var item = read.FindActivity("item")!;
        Assert.Equal(2, item.TypeVersion);
        Assert.Equal("Handle one item", item.DisplayName);
        Assert.Equal(TimeSpan.FromSeconds(30), item.Timeout);
        Assert.True(JsonNode.DeepEquals(original.FindActivity("item")!.Inputs, item.Inputs));
        var retry = item.Retry!;
        Assert.Equal((5, BackoffKind.Linear, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), false), (retry.MaxAttempts, retry.Backoff, retry.InitialDelay, retry.MaxDelay, retry.Jitter));
        Assert.Equal([ErrorKind.Transient, ErrorKind.Timeout], retry.RetryOn!);
    }

    [Fact]
    public void Read_SerializedMinimalDefinition_KeepsDefaults()
    {
        var result = WorkflowDefinitionReader.Read(DefinitionJson.Serialize(TestWorkflows.Minimal()));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(WorkflowDefinition.CurrentSchemaVersion, result.Definition.SchemaVersion);
        Assert.Equal(0, result.Definition.Version);
        Assert.Null(result.Definition.Layout);
        Assert.Null(result.Definition.Activities[0].Retry);
        Assert.Empty(result.Definition.Variables);
    }

    [Fact]
    public void Read_FractionalDurations_RoundTrip()
    {
        var original = TestWorkflows.Minimal() with
        {
            Activities = [TestWorkflows.Node("start", TestActivities.TriggerType) with { Timeout = TimeSpan.FromMilliseconds(1500) }],
            Connections = [],
        };

        var result = WorkflowDefinitionReader.Read(DefinitionJson.Serialize(original));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), result.Definition.Activities[0].Timeout);
    }
}
