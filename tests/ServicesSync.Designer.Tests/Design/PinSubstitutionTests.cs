using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities;
using ServicesSync.Definitions;
using ServicesSync.Designer.Design.Pinning;
using ServicesSync.Designer.Tests.Support;
using ServicesSync.Errors;
using ServicesSync.Registry;

namespace ServicesSync.Designer.Tests.Design;

public sealed class PinSubstitutionTests
{
    private static readonly IActivityRegistry Registry = new ServiceCollection()
        .AddServicesSyncRuntime()
        .AddCoreActivities()
        .AddActivity<PinnedOutputActivity>()
        .BuildServiceProvider()
        .GetRequiredService<IActivityRegistry>();

    private static readonly WorkflowDefinition Definition = WorkflowDefinitionReader.Read(Workflows.Branching).Definition!;

    [Fact]
    public void Apply_NoPins_ReturnsTheDefinitionUnchanged()
    {
        Assert.Same(Definition, PinSubstitution.Apply(Definition, new Dictionary<string, Pin>(), Registry));
    }

    [Fact]
    public void Apply_PinnedActivity_BecomesAStandInWithTheSameIdAndTheWrappedOutput()
    {
        var pinned = PinSubstitution.Apply(Definition, new Dictionary<string, Pin> { ["map"] = new(JsonNode.Parse("""{"who":"Pinned"}""")) }, Registry);

        var node = pinned.FindActivity("map")!;
        Assert.Equal(PinnedOutputActivity.TypeId, node.Type);
        Assert.Equal("""{"value":[{"who":"Pinned"}]}""", node.Inputs.ToJsonString());
        Assert.Equal(Definition.Activities.Select(a => a.Id), pinned.Activities.Select(a => a.Id));
    }

    [Fact]
    public void Apply_PinnedBranchOnFalse_KeepsOnlyTheFalseConnectionFromTheStandIn()
    {
        var pinned = PinSubstitution.Apply(Definition, new Dictionary<string, Pin> { ["check"] = new(JsonValue.Create(1), "false") }, Registry);

        var fromCheck = pinned.Connections.Where(c => c.From == "check").ToArray();
        var only = Assert.Single(fromCheck);
        Assert.Equal("no", only.To);
        Assert.Null(only.Outcome);
        Assert.Contains(pinned.Connections, c => c is { From: "yes", To: "call" });
    }

    [Fact]
    public void Apply_PinWithoutOutcome_FollowsTheDefaultOutcome()
    {
        var pinned = PinSubstitution.Apply(Definition, new Dictionary<string, Pin> { ["check"] = new(null) }, Registry);

        Assert.Equal("yes", Assert.Single(pinned.Connections, c => c.From == "check").To);
    }

    [Theory]
    [InlineData("hook", null, "is a trigger")]
    [InlineData("ghost", null, "is not in the workflow")]
    [InlineData("check", "maybe", "has no outcome 'maybe'; its outcomes are true, false")]
    public void Apply_ImpossiblePin_IsAValidationErrorNamingTheReason(string activityId, string? outcome, string message)
    {
        var exception = Assert.Throws<ServicesSyncException>(
            () => PinSubstitution.Apply(Definition, new Dictionary<string, Pin> { [activityId] = new(null, outcome) }, Registry));

        Assert.Equal(ErrorKind.Validation, exception.Kind);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
