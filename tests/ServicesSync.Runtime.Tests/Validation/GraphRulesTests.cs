using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;
using static ServicesSync.Testing.Definitions.TestWorkflows;

namespace ServicesSync.Runtime.Tests.Validation;

public sealed class GraphRulesTests
{
    private static readonly ActivityNode Start = Node("start", TestActivities.TriggerType, new JsonObject { ["path"] = "in" });

    private static ActivityNode Task(string id) => Node(id, TestActivities.TaskType, new JsonObject { ["message"] = id });

    private static IReadOnlyList<ValidationProblem> Validate(IReadOnlyList<ActivityNode> activities, params Connection[] connections)
        => TestRegistry.CreateValidator().Validate(Minimal() with { Activities = activities, Connections = connections });

    [Fact]
    public void Validate_NoTrigger_IsReported()
    {
        var problems = Validate([Task("a"), Task("b")], Connect("a", "b"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.NoTrigger, "/activities", activityId: null);
        Assert.StartsWith("the workflow has no trigger", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(problems, p => p.Code == ProblemCodes.Unreachable);
    }

    [Fact]
    public void Validate_EmptyWorkflow_HasNoTrigger()
    {
        ProblemAssert.Single(Validate([]), ProblemCodes.NoTrigger, "/activities", activityId: null);
    }

    [Fact]
    public void Validate_ActivityNoTriggerLeadsTo_IsUnreachable()
    {
        var problems = Validate([Start, Task("a"), Task("island"), Task("after")], Connect("start", "a"), Connect("island", "after"));

        Assert.Equal(
            [("/activities/2", "island"), ("/activities/3", "after")],
            problems.Where(p => p.Code == ProblemCodes.Unreachable).Select(p => (p.Path, p.ActivityId)));
        Assert.Contains("'island' (test.task) can never run", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryTriggerCounts_ForReachability()
    {
        var second = Node("second", TestActivities.TriggerType, new JsonObject { ["path"] = "other" });

        ProblemAssert.Empty(Validate([Start, second, Task("a"), Task("b")], Connect("start", "a"), Connect("second", "b")));
    }

    [Fact]
    public void Validate_Cycle_NamesTheActivitiesInOrder()
    {
        var problems = Validate(
            [Start, Task("a"), Task("b"), Task("c")],
            Connect("start", "a"), Connect("a", "b"), Connect("b", "c"), Connect("c", "a"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.Cycle, "/connections/3", "a");
        Assert.Equal("the activities 'a' → 'b' → 'c' → 'a' form a loop; a workflow cannot go back to an earlier activity (use a for-each to repeat work)", problem.Message);
    }

    [Fact]
    public void Validate_ActivityConnectedToItself_IsACycle()
    {
        var problems = Validate([Start, Task("a")], Connect("start", "a"), Connect("a", "a"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.Cycle, "/connections/1", "a");
        Assert.Contains("'a' → 'a'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoSeparateCycles_AreReportedSeparately()
    {
        var problems = Validate(
            [Start, Task("a"), Task("b"), Task("c"), Task("d")],
            Connect("start", "a"), Connect("a", "b"), Connect("b", "a"), Connect("start", "c"), Connect("c", "d"), Connect("d", "c"));

        Assert.Equal(["a", "c"], problems.Where(p => p.Code == ProblemCodes.Cycle).Select(p => p.ActivityId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_DiamondThatMergesAgain_IsNotACycle()
    {
        var check = Node("check", TestActivities.BranchType);
        var join = Node("join", TestActivities.JoinType);

        var problems = Validate(
            [Start, check, Task("yes"), Task("no"), join],
            Connect("start", "check"), Connect("check", "yes", "valid"), Connect("check", "no", "invalid"), Connect("yes", "join"), Connect("no", "join"));

        ProblemAssert.Empty(problems);
    }

    [Fact]
    public void Validate_VeryLongChain_DoesNotOverflowTheStack()
    {
        const int length = 20_000;
        var activities = new List<ActivityNode> { Start };
        var connections = new List<Connection> { Connect("start", "n0") };
        for (var i = 0; i < length; i++)
        {
            activities.Add(Task($"n{i}"));
            connections.Add(Connect($"n{i}", i + 1 < length ? $"n{i + 1}" : "n0"));
        }

        var problems = Validate(activities, [.. connections]);

        var cycle = ProblemAssert.Single(problems, ProblemCodes.Cycle);
        Assert.Contains("'n0' → 'n1' → ", cycle.Message, StringComparison.Ordinal);
        Assert.Contains($"({length} activities in all)", cycle.Message, StringComparison.Ordinal);
    }
}
