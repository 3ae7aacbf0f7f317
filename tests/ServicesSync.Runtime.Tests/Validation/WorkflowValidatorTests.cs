using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Registry;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;
using static ServicesSync.Testing.Definitions.TestWorkflows;

namespace ServicesSync.Runtime.Tests.Validation;

public sealed class WorkflowValidatorTests
{
    [Fact]
    public void Validate_WorkflowUsingEveryKindOfActivity_HasNoProblems()
    {
        ProblemAssert.Empty(TestRegistry.CreateValidator().Validate(Valid()));
        ProblemAssert.Empty(TestRegistry.CreateValidator().Validate(Minimal()));
    }

    [Fact]
    public void Validate_SixDifferentProblems_ReportsEveryOneAtOnce()
    {
        var definition = Minimal() with
        {
            Activities =
            [
                Node("start", TestActivities.TriggerType, new JsonObject { ["path"] = "in" }),
                Node("work", TestActivities.TaskType) with { Retry = new RetryPolicySpec { MaxAttempts = 0 } },
                Node("again", TestActivities.TaskType, new JsonObject { ["message"] = Expression("ERR") }),
                Node("mystery", "x.unknown"),
            ],
            Connections = [Connect("start", "work"), Connect("work", "again"), Connect("again", "work"), Connect("again", "ghost")],
        };

        var problems = TestRegistry.CreateValidator().Validate(definition);

        Assert.Equal(
            [
                (ProblemCodes.MissingInput, "/activities/1/inputs/message", "work"),
                (ProblemCodes.InvalidMaxAttempts, "/activities/1/retry/maxAttempts", "work"),
                (ProblemCodes.ExpressionError, "/activities/2/inputs/message/expression/code", "again"),
                (ProblemCodes.UnknownActivityType, "/activities/3/type", "mystery"),
                (ProblemCodes.Cycle, "/connections/2", "work"),
                (ProblemCodes.UnknownConnectionTarget, "/connections/3/to", "again"),
            ],
            problems.Select(p => (p.Code, p.Path, p.ActivityId)));
    }

    [Fact]
    public void Validate_Problems_AreOrderedByPathWithIndexesAsNumbers()
    {
        var activities = new List<ActivityNode> { Node("start", TestActivities.TriggerType, new JsonObject { ["path"] = "in" }) };
        var connections = new List<Connection>();
        for (var i = 1; i <= 11; i++)
        {
            activities.Add(Node($"t{i}", TestActivities.TaskType));
            connections.Add(Connect("start", $"t{i}"));
        }

        var problems = TestRegistry.CreateValidator().Validate(Minimal() with { Activities = activities, Connections = connections });

        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"t{i}"), problems.Select(p => p.ActivityId));
    }

    [Fact]
    public void Validate_SameLanguageRegisteredTwice_UsesTheFirst()
    {
        var validator = new WorkflowValidator(TestRegistry.Create(), [new FakeExpressionEvaluator(), new ThrowingEvaluator()]);

        ProblemAssert.Empty(validator.Validate(Valid()));
    }

    [Fact]
    public void Validate_EmptyRegistry_ReportsEveryTypeAsUnknown()
    {
        var validator = new WorkflowValidator(new ActivityRegistry([]), []);

        var problems = validator.Validate(Minimal());

        Assert.Equal([ProblemCodes.UnknownActivityType, ProblemCodes.UnknownActivityType], problems.Select(p => p.Code));
    }

    private sealed class ThrowingEvaluator : Expressions.IExpressionEvaluator
    {
        public string Language => FakeExpressionEvaluator.DefaultLanguage;

        public IReadOnlyList<Expressions.ExpressionDiagnostic> Check(Expressions.Expression expression) => throw new InvalidOperationException("not me");

        public ValueTask<JsonNode?> EvaluateAsync(Expressions.Expression expression, Expressions.ExpressionScope scope, CancellationToken cancellationToken)
            => throw new InvalidOperationException("not me");
    }
}
