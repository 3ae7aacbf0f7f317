using ServicesSync.Definitions;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;

namespace ServicesSync.Runtime.Tests.Definitions;

/// <summary>The example of DESIGN §3.3 is what every other part builds against: it must stay valid.</summary>
public sealed class DesignExampleTests
{
    [Fact]
    public void Load_DesignExample_ReadsAndValidatesWithoutAnyProblem()
    {
        var result = TestRegistry.CreateLoader().Load(TestWorkflows.DesignExampleJson);

        ProblemAssert.Empty(result.Problems);
        Assert.True(result.Succeeded);
        Assert.Equal(["hook", "map", "rate", "post", "suspense"], result.Definition.Activities.Select(a => a.Id));
    }

    [Fact]
    public void Load_DesignExampleWithoutTheCSharpLanguage_ReportsTheExpressionOfRate()
    {
        var result = TestRegistry.CreateLoader(new FakeExpressionEvaluator("javascript")).Load(TestWorkflows.DesignExampleJson);

        var problem = ProblemAssert.Single(result.Problems, ProblemCodes.UnknownExpressionLanguage, "/activities/2/inputs/rateCard/expression/language", "rate");
        Assert.Equal("no expression language 'csharp' is installed; available: javascript", problem.Message);
        Assert.NotNull(result.Definition);
    }

    [Fact]
    public void Read_DesignExample_KeepsTheExpressionAsWritten()
    {
        var result = WorkflowDefinitionReader.Read(TestWorkflows.DesignExampleJson);

        Assert.True(Expressions.Expression.TryParse(result.Definition!.FindActivity("rate")!.Inputs["rateCard"], out var expression));
        Assert.Equal(new Expressions.Expression("csharp", "Vars[\"rateCardId\"]"), expression);
    }
}
