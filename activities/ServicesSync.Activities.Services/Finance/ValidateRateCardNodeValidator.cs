using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;
using ServicesSync.Expressions;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Design-time checks of <c>finance.validateRateCard</c>: an inline rate card and project must
/// read as canonical entities, and the card's own rules (currency, overlapping or gapped
/// versions, ambiguous lines) are reported at publish time instead of on the first run.
/// </summary>
internal sealed class ValidateRateCardNodeValidator : IActivityNodeValidator
{
    public string ActivityType => ServicesActivityTypes.FinanceValidateRateCard;

    public IEnumerable<ActivityInputProblem> Validate(JsonObject inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = new List<ActivityInputProblem>();
        var project = Read<Project>(inputs["project"], "project", problems);
        if (project is not null && !Currency.TryGet(project.Currency, out _))
        {
            problems.Add(new("project", $"'{project.Currency}' is not a known ISO 4217 currency code (use upper case, e.g. USD, EUR, JPY)."));
        }
        var card = inputs["rateCard"];
        if (Expression.IsExpression(card))
        {
            return problems;
        }

        if (card is JsonValue path && path.TryGetValue<string>(out var file))
        {
            if (Path.IsPathRooted(file) || file.Split('/', '\\').Contains(".."))
            {
                problems.Add(new("rateCard", $"'{file}' must be a path relative to the data directory, without '..'."));
            }
            else if (!file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new("rateCard", $"'{file}' must be a .json or .csv file."));
            }

            return problems;
        }

        var cards = card switch
        {
            JsonObject one => Read<RateCard>(one, "rateCard", problems) is { } parsed ? [parsed] : null,
            JsonArray many => Read<List<RateCard>>(many, "rateCard", problems),
            _ => null,
        };
        if (cards is not null && project is not null)
        {
            var errors = new List<RateCardIssue>();
            foreach (var applicable in RateCardChecks.Applicable(project, cards, errors))
            {
                RateCardChecks.Check(applicable, project, errors);
            }

            problems.AddRange(errors.Select(e => new ActivityInputProblem("rateCard", e.Message)));
        }

        return problems;
    }

    private static T? Read<T>(JsonNode? node, string input, List<ActivityInputProblem> problems)
        where T : class
    {
        if (node is null || Expression.IsExpression(node))
        {
            return null;
        }

        try
        {
            return CanonicalJson.FromNode<T>(node, "the value");
        }
        catch (ServicesSyncException ex)
        {
            problems.Add(new(input, ex.Message));
            return null;
        }
    }
}
