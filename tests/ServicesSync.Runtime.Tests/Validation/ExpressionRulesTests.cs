using System.Text.Json.Nodes;
using ServicesSync.Expressions;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;

namespace ServicesSync.Runtime.Tests.Validation;

public sealed class ExpressionRulesTests
{
    private static IReadOnlyList<ValidationProblem> ValidateTaskInputs(JsonObject inputs, params IExpressionEvaluator[] evaluators)
    {
        var minimal = TestWorkflows.Minimal();
        inputs.TryAdd("message", "hi");
        return TestRegistry.CreateValidator(evaluators).Validate(minimal with { Activities = [minimal.Activities[0], minimal.Activities[1] with { Inputs = inputs }] });
    }

    [Fact]
    public void Validate_ExpressionOnAFixedInput_IsReported()
    {
        var problems = ValidateTaskInputs(new JsonObject { ["key"] = TestWorkflows.Expression("input.id") });

        var problem = ProblemAssert.Single(problems, ProblemCodes.ExpressionNotAllowed, "/activities/1/inputs/key", "work");
        Assert.StartsWith("input 'key' must be a fixed value, not an expression", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExpressionKeyBesideOtherKeys_IsMalformed()
    {
        var problems = ValidateTaskInputs(new JsonObject { ["payload"] = new JsonObject { ["expression"] = "x", ["other"] = 1 } });

        var problem = ProblemAssert.Single(problems, ProblemCodes.MalformedExpression, "/activities/1/inputs/payload", "work");
        Assert.Contains("beside other properties", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "expression": { "language": "fake" } }""")]
    [InlineData("""{ "expression": { "code": "1" } }""")]
    [InlineData("""{ "expression": "input.id" }""")]
    [InlineData("""{ "expression": { "language": 1, "code": "1" } }""")]
    public void Validate_ExpressionWithoutLanguageAndCode_IsMalformed(string value)
    {
        var problems = ValidateTaskInputs(new JsonObject { ["payload"] = JsonNode.Parse(value) });

        var problem = ProblemAssert.Single(problems, ProblemCodes.MalformedExpression, "/activities/1/inputs/payload/expression", "work");
        Assert.Contains("\"language\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LanguageThatIsNotInstalled_ListsTheInstalledOnes()
    {
        var problems = ValidateTaskInputs(
            new JsonObject { ["payload"] = TestWorkflows.Expression("1 + 1", "python") },
            new FakeExpressionEvaluator("javascript"),
            new FakeExpressionEvaluator("csharp"));

        var problem = ProblemAssert.Single(problems, ProblemCodes.UnknownExpressionLanguage, "/activities/1/inputs/payload/expression/language", "work");
        Assert.Equal("no expression language 'python' is installed; available: csharp, javascript", problem.Message);
    }

    [Fact]
    public void Validate_CheckDiagnostics_BecomeOneProblemEachWithLineAndColumn()
    {
        var problems = ValidateTaskInputs(new JsonObject { ["payload"] = TestWorkflows.Expression("first\nan ERR and ERR") });

        var found = problems.Where(p => p.Code == ProblemCodes.ExpressionError).ToList();
        Assert.Equal(2, found.Count);
        Assert.All(found, p => Assert.Equal(("/activities/1/inputs/payload/expression/code", "work"), (p.Path, p.ActivityId)));
        Assert.Equal("the fake expression of input 'payload' has a problem at line 2, column 4: 'ERR' is not allowed here", found[0].Message);
        Assert.Contains("line 2, column 12", found[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CheckerThatThrows_BecomesAProblem()
    {
        var problems = ValidateTaskInputs(new JsonObject { ["payload"] = TestWorkflows.Expression("CRASH") });

        var problem = ProblemAssert.Single(problems, ProblemCodes.ExpressionError, "/activities/1/inputs/payload/expression/code", "work");
        Assert.Contains("checker crashed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidExpression_PassesTheCheck()
    {
        ProblemAssert.Empty(ValidateTaskInputs(new JsonObject { ["payload"] = TestWorkflows.Expression("input.everything") }));
    }
}
