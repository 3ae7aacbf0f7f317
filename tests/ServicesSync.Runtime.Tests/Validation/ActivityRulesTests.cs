using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;
using static ServicesSync.Testing.Definitions.TestWorkflows;

namespace ServicesSync.Runtime.Tests.Validation;

public sealed class ActivityRulesTests
{
    private static IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition)
        => TestRegistry.CreateValidator().Validate(definition);

    [Fact]
    public void Validate_DuplicateActivityId_ReportsTheSecondOne()
    {
        var definition = Minimal() with
        {
            Activities = [.. Minimal().Activities, Node("work", TestActivities.TaskType, new JsonObject { ["message"] = "again" })],
        };

        var problem = ProblemAssert.Single(Validate(definition), ProblemCodes.DuplicateActivityId, "/activities/2/id", "work");
        Assert.Contains("/activities/1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MisspeltActivityType_SuggestsTheClosestKnownType()
    {
        var definition = Minimal() with { Activities = [Minimal().Activities[0], Node("work", "test.tsak", new JsonObject { ["message"] = "hi" })] };

        var problem = ProblemAssert.Single(Validate(definition), ProblemCodes.UnknownActivityType, "/activities/1/type", "work");
        Assert.Equal("unknown activity type 'test.tsak'; did you mean 'test.task'?", problem.Message);
    }

    [Fact]
    public void Validate_UnknownActivityTypeFarFromAnyKnown_OffersNoSuggestion()
    {
        var definition = Minimal() with { Activities = [Minimal().Activities[0], Node("work", "salesforce.wonDeal")] };

        var problem = ProblemAssert.Single(Validate(definition), ProblemCodes.UnknownActivityType, "/activities/1/type", "work");
        Assert.Equal("unknown activity type 'salesforce.wonDeal'", problem.Message);
    }

    [Fact]
    public void Validate_UnknownActivityType_DoesNotPileUpFollowOnProblems()
    {
        // Unknown inputs, outcomes and a missing trigger cannot be judged without the type.
        var definition = Minimal() with
        {
            Activities = [Node("start", "x.hook", new JsonObject { ["anything"] = 1 }), Node("work", TestActivities.TaskType, new JsonObject { ["message"] = "hi" })],
            Connections = [Connect("start", "work", "whatever")],
        };

        var problem = Assert.Single(Validate(definition));
        Assert.Equal(ProblemCodes.UnknownActivityType, problem.Code);
    }

    [Fact]
    public void Validate_UnknownTypeVersion_ListsTheInstalledVersions()
    {
        var definition = Minimal() with
        {
            Activities = [Minimal().Activities[0], Minimal().Activities[1] with { TypeVersion = 7 }],
        };

        var problem = ProblemAssert.Single(Validate(definition), ProblemCodes.UnknownTypeVersion, "/activities/1/typeVersion", "work");
        Assert.Equal("activity type 'test.task' has no version 7; installed versions: 1, 2", problem.Message);
    }

    [Fact]
    public void Validate_KnownTypeVersion_IsAccepted()
    {
        var definition = Minimal() with
        {
            Activities = [Minimal().Activities[0], Minimal().Activities[1] with { TypeVersion = 1 }],
        };

        ProblemAssert.Empty(Validate(definition));
    }
}
