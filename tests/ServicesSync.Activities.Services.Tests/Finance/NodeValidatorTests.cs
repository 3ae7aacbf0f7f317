using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Finance;
using ServicesSync.Activities.Services.Mapping;
using ServicesSync.Canonical;
using static ServicesSync.Activities.Services.Tests.Finance.FinanceMother;

namespace ServicesSync.Activities.Services.Tests.Finance;

/// <summary>Publish-time checks of literal inputs: rate cards, projects, time zones, field maps.</summary>
public class NodeValidatorTests
{
    private static ActivityInputProblem[] Check(JsonObject inputs) => [.. new ValidateRateCardNodeValidator().Validate(inputs)];

    [Fact]
    public void RateCard_InlineCardWithAGapAndAnotherCurrency_IsReportedAtPublish()
    {
        var card = Card(RateCardScopeKind.Customer, "c", Version(Day(1, 1), Day(6, 30), Default(100)), Version(Day(7, 6), null, Default(110))) with { Currency = "EUR" };

        var problems = Check(new JsonObject { ["project"] = CanonicalJson.ToNode(Project()), ["rateCard"] = CanonicalJson.ToNode(card) });

        Assert.All(problems, p => Assert.Equal("rateCard", p.Input));
        Assert.Equal(
            ["Rate card 'c' is in EUR but project 'Acme ERP rollout' bills in USD; rates are never converted.", "Rate card 'c' has no rates from 2026-07-01 to 2026-07-05: versions must leave no gap."],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void RateCard_ValidInlineCardAndExpressions_AreFine()
    {
        Assert.Empty(Check(new JsonObject { ["project"] = CanonicalJson.ToNode(Project()), ["rateCard"] = CanonicalJson.ToNode(new[] { CustomerCard() }) }));
        Assert.Empty(Check(new JsonObject { ["project"] = CanonicalJson.ToNode(Project()), ["rateCard"] = JsonNode.Parse("""{ "expression": { "language": "javascript", "code": "vars.card" } }""") }));
    }

    [Theory]
    [InlineData("../secrets/rates.csv", "'../secrets/rates.csv' must be a path relative to the data directory, without '..'.")]
    [InlineData("/etc/rates.csv", "'/etc/rates.csv' must be a path relative to the data directory, without '..'.")]
    [InlineData("rates.xlsx", "'rates.xlsx' must be a .json or .csv file.")]
    public void RateCard_BadPath_IsReported(string path, string message)
        => Assert.Equal(message, Assert.Single(Check(new JsonObject { ["rateCard"] = path })).Message);

    [Fact]
    public void Project_NotACanonicalProject_IsReported()
    {
        var problem = Assert.Single(Check(new JsonObject { ["project"] = JsonNode.Parse("""{ "name": "P", "currency": "US$" }"""), ["rateCard"] = "rates.csv" }));

        Assert.Equal("project", problem.Input);
        Assert.Contains("'US$' is not a known ISO 4217 currency code", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_UnknownTimeZoneOrFieldMapName_IsReported()
    {
        var validator = new MappingNodeValidator(ServicesActivityTypes.MapBambooHrWorker);

        var problems = validator.Validate(new JsonObject { ["timeZone"] = "CST", ["fieldMap"] = new JsonObject { ["salary"] = "payRate", ["costCenter"] = "customCostCenter" } }).ToArray();

        Assert.Equal(["timeZone", "fieldMap"], problems.Select(p => p.Input));
        Assert.StartsWith("'salary' is not a worker field", problems[1].Message, StringComparison.Ordinal);
        Assert.Empty(validator.Validate(new JsonObject { ["timeZone"] = "America/Chicago" }));
    }
}
