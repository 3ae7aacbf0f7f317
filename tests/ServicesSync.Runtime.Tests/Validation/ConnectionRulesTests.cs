using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;
using static ServicesSync.Testing.Definitions.TestWorkflows;

namespace ServicesSync.Runtime.Tests.Validation;

public sealed class ConnectionRulesTests
{
    private static readonly ActivityNode Start = Node("start", TestActivities.TriggerType, new JsonObject { ["path"] = "in" });
    private static readonly ActivityNode Check = Node("check", TestActivities.BranchType);
    private static readonly ActivityNode Work = Node("work", TestActivities.TaskType, new JsonObject { ["message"] = "hi" });
    private static readonly ActivityNode Other = Node("other", TestActivities.TaskType, new JsonObject { ["message"] = "hi" });

    private static IReadOnlyList<ValidationProblem> Validate(IReadOnlyList<ActivityNode> activities, params Connection[] connections)
        => TestRegistry.CreateValidator().Validate(Minimal() with { Activities = activities, Connections = connections });

    [Fact]
    public void Validate_ConnectionFromAMissingActivity_IsReportedAtFrom()
    {
        var problems = Validate([Start, Work], Connect("start", "work"), Connect("strat", "work"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.UnknownConnectionSource, "/connections/1/from", "work");
        Assert.Equal("a connection starts at 'strat', which is not an activity of this workflow; did you mean 'start'?", problem.Message);
    }

    [Fact]
    public void Validate_ConnectionToAMissingActivity_IsReportedAtTo()
    {
        var problems = Validate([Start, Work], Connect("start", "work"), Connect("work", "ghost"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.UnknownConnectionTarget, "/connections/1/to", "work");
        Assert.Equal("a connection leads to 'ghost', which is not an activity of this workflow", problem.Message);
    }

    [Fact]
    public void Validate_OutcomeTheSourceDoesNotDeclare_ListsTheDeclaredOnes()
    {
        var problems = Validate([Start, Check, Work, Other], Connect("start", "check"), Connect("check", "work", "valid"), Connect("check", "other", "maybe"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.UnknownOutcome, "/connections/2/outcome", "check");
        Assert.Equal("activity 'check' (test.branch) has no outcome 'maybe'; its outcomes are: valid, invalid", problem.Message);
    }

    [Fact]
    public void Validate_OmittedOutcomeOfASourceWithSeveral_IsAmbiguous()
    {
        var problems = Validate([Start, Check, Work], Connect("start", "check"), Connect("check", "work"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.AmbiguousOutcome, "/connections/1/outcome", "check");
        Assert.Contains("valid, invalid", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OmittedOutcomeOfASourceWithOne_MeansThatOne()
    {
        ProblemAssert.Empty(Validate([Start, Work], Connect("start", "work", "done")));
        ProblemAssert.Empty(Validate([Start, Work], Connect("start", "work")));
    }

    [Fact]
    public void Validate_SameConnectionTwice_ReportsTheRepeat()
    {
        // Naming the only outcome and omitting it are the same connection.
        var problems = Validate([Start, Work], Connect("start", "work"), Connect("start", "work", "done"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.DuplicateConnection, "/connections/1", "start");
        Assert.Contains("/connections/0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameEndsThroughDifferentOutcomes_IsNotADuplicate()
    {
        var problems = Validate([Start, Check, Work], Connect("start", "check"), Connect("check", "work", "valid"), Connect("check", "work", "invalid"));

        ProblemAssert.Empty(problems);
    }

    [Fact]
    public void Validate_ConnectionIntoATrigger_IsReported()
    {
        var second = Node("second", TestActivities.TriggerType, new JsonObject { ["path"] = "other" });

        var problems = Validate([Start, Work, second], Connect("start", "work"), Connect("work", "second"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.ConnectionIntoTrigger, "/connections/1/to", "second");
        Assert.Contains("trigger 'second' (test.trigger)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConnectionFromAnActivityWithoutOutcomes_IsReported()
    {
        var end = Node("end", TestActivities.EndType);

        var problems = Validate([Start, end, Work], Connect("start", "end"), Connect("end", "work"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.UnknownOutcome, "/connections/1", "end");
        Assert.Contains("has no outcomes", problem.Message, StringComparison.Ordinal);
    }
}
