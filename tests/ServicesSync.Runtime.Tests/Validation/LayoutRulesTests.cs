using System.Text.Json.Nodes;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;

namespace ServicesSync.Runtime.Tests.Validation;

public sealed class LayoutRulesTests
{
    [Fact]
    public void Validate_LayoutOfAnActivityThatIsGone_IsAWarningWithAnEscapedPath()
    {
        var definition = TestWorkflows.Minimal() with
        {
            Layout = new JsonObject { ["start"] = new JsonObject { ["x"] = 1 }, ["old/step"] = new JsonObject { ["x"] = 2 } },
        };

        var problems = TestRegistry.CreateValidator().Validate(definition);

        var problem = ProblemAssert.Single(problems, ProblemCodes.LayoutUnknownActivity, "/layout/old~1step", activityId: null);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Contains("'old/step'", problem.Message, StringComparison.Ordinal);
    }
}
