using System.Text.Json.Nodes;
using ServicesSync.Activities.Control;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Control;

public class BranchActivityTests
{
    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public async Task Execute_Condition_PassesTheMessageToTheMatchingOutcome(bool condition, string outcome)
    {
        var context = new TestActivityContext()
            .ForActivity<BranchActivity>("isBillable")
            .WithInput(JsonNode.Parse("""{ "hours": 9 }"""))
            .WithInputValue("condition", condition);

        var result = await new BranchActivity().RunAsync(context);

        JsonAssert.Equal("""{ "hours": 9 }""", result.CompletedOn(outcome));
    }

    [Fact]
    public async Task Execute_MissingCondition_FailsInsteadOfTakingFalse()
    {
        var context = new TestActivityContext().ForActivity<BranchActivity>("isBillable");

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new BranchActivity().RunAsync(context));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal("Activity 'isBillable' (core.branch): input 'condition' is required.", ex.Message);
    }

    [Fact]
    public async Task Execute_NonBooleanCondition_FailsNamingTheInput()
    {
        var context = new TestActivityContext().ForActivity<BranchActivity>("isBillable").WithInputValue("condition", "yes");

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new BranchActivity().RunAsync(context));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Contains("'isBillable'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'condition'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptor_HasTrueThenFalseOutcomesAndARequiredBoolean()
    {
        var descriptor = ActivityDescriptorFactory.Create<BranchActivity>();

        Assert.Equal("core.branch", descriptor.Type);
        Assert.Equal("Control", descriptor.Category);
        Assert.Equal(["true", "false"], descriptor.Outcomes.Select(o => o.Name));
        Assert.Equal("true", descriptor.DefaultOutcome);
        var condition = Assert.Single(descriptor.Inputs);
        Assert.Equal("condition", condition.Name);
        Assert.Equal(InputTypes.Boolean, condition.Type);
        Assert.True(condition.Required);
        Assert.True(condition.ExpressionCapable);
    }
}
