using System.Text.Json.Nodes;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;

namespace ServicesSync.Runtime.Tests.Validation;

public sealed class InputRulesTests
{
    /// <summary>Validates <see cref="TestWorkflows.Minimal"/> with the task's inputs replaced.</summary>
    private static IReadOnlyList<ValidationProblem> ValidateTaskInputs(JsonObject inputs)
    {
        var minimal = TestWorkflows.Minimal();
        return TestRegistry.CreateValidator().Validate(minimal with { Activities = [minimal.Activities[0], minimal.Activities[1] with { Inputs = inputs }] });
    }

    [Fact]
    public void Validate_MisspeltInput_SuggestsTheClosest()
    {
        var problems = ValidateTaskInputs(new JsonObject { ["message"] = "hi", ["cuont"] = 3 });

        var problem = ProblemAssert.Single(problems, ProblemCodes.UnknownInput, "/activities/1/inputs/cuont", "work");
        Assert.Equal("activity 'work' (test.task) has no input 'cuont'; did you mean 'count'?", problem.Message);
    }

    [Fact]
    public void Validate_UnknownInputFarFromAny_ListsTheInputs()
    {
        var problems = ValidateTaskInputs(new JsonObject { ["message"] = "hi", ["colour"] = "red" });

        var problem = ProblemAssert.Single(problems, ProblemCodes.UnknownInput, "/activities/1/inputs/colour", "work");
        Assert.EndsWith("its inputs are: message, count, ratio, enabled, mode, delay, payload, headers, tags, key", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RequiredInputAbsent_IsReportedAtTheInput()
    {
        var problems = ValidateTaskInputs([]);

        var problem = ProblemAssert.Single(problems, ProblemCodes.MissingInput, "/activities/1/inputs/message", "work");
        Assert.Equal("activity 'work' (test.task) needs a value for its required input 'message'", problem.Message);
    }

    [Fact]
    public void Validate_RequiredInputNull_CountsAsMissing()
    {
        var problems = ValidateTaskInputs(new JsonObject { ["message"] = null });

        ProblemAssert.Single(problems, ProblemCodes.MissingInput, "/activities/1/inputs/message", "work");
    }

    [Fact]
    public void Validate_RequiredInputGivenAsExpression_IsSatisfied()
    {
        ProblemAssert.Empty(ValidateTaskInputs(new JsonObject { ["message"] = TestWorkflows.Expression("input.text") }));
    }

    [Fact]
    public void Validate_OptionalInputNull_IsAccepted()
    {
        ProblemAssert.Empty(ValidateTaskInputs(new JsonObject { ["message"] = "hi", ["count"] = null, ["mode"] = null }));
    }

    [Theory]
    [InlineData("message", "5", "text")]
    [InlineData("count", "\"three\"", "a whole number")]
    [InlineData("count", "2.5", "a whole number")]
    [InlineData("count", "2.0", "a whole number")]
    [InlineData("ratio", "\"half\"", "a number")]
    [InlineData("enabled", "\"yes\"", "true or false")]
    [InlineData("mode", "\"slow\"", "one of: fast, careful")]
    [InlineData("mode", "1", "one of: fast, careful")]
    [InlineData("delay", "\"5 minutes\"", "an ISO 8601 duration such as PT30S, PT5M or P1DT2H")]
    [InlineData("delay", "\"P1M\"", "an ISO 8601 duration such as PT30S, PT5M or P1DT2H")]
    [InlineData("delay", "30", "an ISO 8601 duration such as PT30S, PT5M or P1DT2H")]
    [InlineData("headers", "[1]", "an object ({ … })")]
    [InlineData("tags", "\"a,b\"", "a list ([ … ])")]
    public void Validate_LiteralOfTheWrongType_SaysWhatItShouldBe(string input, string literal, string expected)
    {
        var problems = ValidateTaskInputs(new JsonObject { ["message"] = input == "message" ? JsonNode.Parse(literal) : "hi", [input] = JsonNode.Parse(literal) });

        var problem = ProblemAssert.Single(problems, ProblemCodes.InputTypeMismatch, $"/activities/1/inputs/{input}", "work");
        Assert.StartsWith($"input '{input}' must be {expected}; found ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LiteralsOfTheRightTypes_AreAccepted()
    {
        var problems = ValidateTaskInputs(new JsonObject
        {
            ["message"] = "hi",
            ["count"] = -3,
            ["ratio"] = 2,
            ["enabled"] = false,
            ["mode"] = "careful",
            ["delay"] = "P1DT0.5S",
            ["payload"] = JsonNode.Parse("""[{"any": null}, "json"]"""),
            ["headers"] = new JsonObject { ["a"] = "b" },
            ["tags"] = new JsonArray(),
            ["key"] = "k",
        });

        ProblemAssert.Empty(problems);
    }

    [Fact]
    public void Validate_ExpressionOnATypedInput_IsNotTypeChecked()
    {
        ProblemAssert.Empty(ValidateTaskInputs(new JsonObject { ["message"] = "hi", ["count"] = TestWorkflows.Expression("input.n") }));
    }
}
