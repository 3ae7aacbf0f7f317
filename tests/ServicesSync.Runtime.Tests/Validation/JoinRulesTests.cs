using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;
using static ServicesSync.Testing.Definitions.TestWorkflows;

namespace ServicesSync.Runtime.Tests.Validation;

public sealed class JoinRulesTests
{
    private static readonly ActivityNode Start = Node("start", TestActivities.TriggerType, new JsonObject { ["path"] = "in" });
    private static readonly ActivityNode Join = Node("join", TestActivities.JoinType);

    private static IReadOnlyList<ValidationProblem> Validate(IReadOnlyList<ActivityNode> activities, params Connection[] connections)
        => TestRegistry.CreateValidator().Validate(Minimal() with { Activities = activities, Connections = connections });

    [Fact]
    public void Validate_JoinWithOneIncomingConnection_IsAWarning()
    {
        var problems = Validate([Start, Join], Connect("start", "join"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.JoinTooFewIncoming, "/activities/1", "join");
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Contains("only one incoming connection", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_JoinWithTwoIncomingConnections_IsFine()
    {
        var check = Node("check", TestActivities.BranchType);

        var problems = Validate([Start, check, Join], Connect("start", "check"), Connect("check", "join", "valid"), Connect("check", "join", "invalid"));

        ProblemAssert.Empty(problems);
    }
}
