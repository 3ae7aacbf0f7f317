using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;
using static ServicesSync.Testing.Definitions.TestWorkflows;

namespace ServicesSync.Runtime.Tests.Validation;

public sealed class ForEachRulesTests
{
    private static readonly ActivityNode Start = Node("start", TestActivities.TriggerType, new JsonObject { ["path"] = "in" });
    private static readonly ActivityNode Check = Node("check", TestActivities.BranchType);

    private static ActivityNode Loop(string id) => Node(id, TestActivities.ForEachType, new JsonObject { ["items"] = new JsonArray(1, 2) });

    private static ActivityNode Task(string id) => Node(id, TestActivities.TaskType, new JsonObject { ["message"] = id });

    private static IReadOnlyList<ValidationProblem> Validate(IReadOnlyList<ActivityNode> activities, params Connection[] connections)
        => TestRegistry.CreateValidator().Validate(Minimal() with { Activities = activities, Connections = connections });

    [Fact]
    public void Validate_BodyAndDonePathsApart_IsValid()
    {
        var problems = Validate(
            [Start, Loop("loop"), Task("each"), Task("more"), Task("after")],
            Connect("start", "loop"), Connect("loop", "each", "body"), Connect("each", "more"), Connect("loop", "after", "done"));

        ProblemAssert.Empty(problems);
    }

    [Fact]
    public void Validate_BodyActivityAlsoReachedFromOutside_IsReported()
    {
        var problems = Validate(
            [Start, Check, Loop("loop"), Task("x")],
            Connect("start", "check"), Connect("check", "loop", "valid"), Connect("loop", "x", "body"), Connect("check", "x", "invalid"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.ForEachBodyEnteredFromOutside, "/connections/3", "x");
        Assert.Equal("activity 'x' is inside the body of for-each 'loop' but is also reached from 'check' outside it", problem.Message);
    }

    [Fact]
    public void Validate_BodyActivityAlsoReachedFromDone_NamesTheOutcome()
    {
        var problems = Validate(
            [Start, Loop("loop"), Task("x")],
            Connect("start", "loop"), Connect("loop", "x", "body"), Connect("loop", "x", "done"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.ForEachBodyEnteredFromOutside, "/connections/2", "x");
        Assert.EndsWith("also reached from the 'done' outcome of 'loop'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BodyLeadingIntoTheDonePath_IsReportedWhereTheyMeet()
    {
        // "after" follows both the body (per item) and done (once): it cannot be both.
        var problems = Validate(
            [Start, Loop("loop"), Task("each"), Task("after")],
            Connect("start", "loop"), Connect("loop", "each", "body"), Connect("each", "after"), Connect("loop", "after", "done"));

        ProblemAssert.Single(problems, ProblemCodes.ForEachBodyEnteredFromOutside, "/connections/3", "after");
    }

    [Fact]
    public void Validate_TriggerInsideABody_IsReported()
    {
        var inner = Node("inner", TestActivities.TriggerType, new JsonObject { ["path"] = "x" });

        var problems = Validate([Start, Loop("loop"), inner], Connect("start", "loop"), Connect("loop", "inner", "body"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.TriggerInForEachBody, "/activities/2", "inner");
        Assert.Contains("for-each 'loop'", problem.Message, StringComparison.Ordinal);
        ProblemAssert.Single(problems, ProblemCodes.ConnectionIntoTrigger);
    }

    [Theory]
    [InlineData("4", true)]
    [InlineData("{\"expression\":\"vars.width\",\"language\":\"javascript\"}", true)]
    [InlineData("1", false)]
    [InlineData(null, false)]
    public void Validate_SetVariableInABodyWhoseItemsMayRunAtOnce_IsWarnedAbout(string? parallelism, bool warned)
    {
        var loop = Loop("loop");
        if (parallelism is not null)
        {
            loop.Inputs["parallelism"] = JsonNode.Parse(parallelism);
        }

        var keep = Node("keep", "core.setVariable", new JsonObject { ["name"] = "worker" });

        var problems = Validate([Start, loop, keep, Task("use")], Connect("start", "loop"), Connect("loop", "keep", "body"), Connect("keep", "use"));

        var warnings = problems.Where(p => p.Code == ProblemCodes.VariableSetInParallelBody).ToList();
        Assert.Equal(warned ? 1 : 0, warnings.Count);
        if (warned)
        {
            Assert.Equal(ProblemSeverity.Warning, warnings[0].Severity);
            Assert.Equal(("/activities/2", "keep"), (warnings[0].Path, warnings[0].ActivityId));
            Assert.Contains("inside for-each 'loop'", warnings[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_NestedForEach_IsValid()
    {
        var problems = Validate(
            [Start, Loop("outer"), Loop("inner"), Task("cell"), Task("rowDone"), Task("allDone")],
            Connect("start", "outer"),
            Connect("outer", "inner", "body"),
            Connect("inner", "cell", "body"),
            Connect("inner", "rowDone", "done"),
            Connect("outer", "allDone", "done"));

        ProblemAssert.Empty(problems);
    }

    [Fact]
    public void Validate_InnerBodyEnteredFromTheOuterBody_IsReportedForTheInnerLoop()
    {
        var problems = Validate(
            [Start, Loop("outer"), Task("prepare"), Loop("inner"), Task("cell")],
            Connect("start", "outer"),
            Connect("outer", "prepare", "body"),
            Connect("prepare", "inner"),
            Connect("inner", "cell", "body"),
            Connect("prepare", "cell"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.ForEachBodyEnteredFromOutside, "/connections/4", "cell");
        Assert.Contains("for-each 'inner'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BodyLoopingBackToTheForEach_IsACycleNotABodyProblem()
    {
        var problems = Validate([Start, Loop("loop"), Task("each")], Connect("start", "loop"), Connect("loop", "each", "body"), Connect("each", "loop"));

        ProblemAssert.Single(problems, ProblemCodes.Cycle);
        Assert.DoesNotContain(problems, p => p.Code == ProblemCodes.ForEachBodyEnteredFromOutside);
    }
}
