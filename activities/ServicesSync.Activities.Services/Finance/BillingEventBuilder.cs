using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Builds the canonical billing event for a completed milestone or for validated time. Its
/// source id is derived from what it bills (the milestone's id, or the set of time entry ids),
/// so building it again gives the same key and a post keyed on it happens once.
/// </summary>
internal static class BillingEventBuilder
{
    public const string System = "servicessync";

    public static BillingEvent FromMilestone(Milestone milestone, Project? project)
    {
        if (milestone.CompletedOn is not { } completed)
        {
            throw Invalid($"milestone '{milestone.Name}' ({milestone.Source}) is not completed; only completed milestones are billed.");
        }

        if (project is not null && milestone.Amount.Currency != project.Currency)
        {
            throw Invalid($"milestone '{milestone.Name}' is in {milestone.Amount.Currency} but project '{project.Name}' bills in {project.Currency}; amounts are never converted.");
        }

        if (milestone.Amount.Amount <= 0)
        {
            throw Invalid($"milestone '{milestone.Name}' has no positive amount ({milestone.Amount}).");
        }

        var amount = milestone.Amount.Rounded();
        return new BillingEvent
        {
            Source = new ExternalRef(System, $"milestone:{milestone.Source}"),
            Kind = BillingEventKind.Milestone,
            Project = milestone.Project,
            Customer = project?.Customer,
            Date = completed,
            Lines = [new BillingLine { Description = milestone.Name, Source = milestone.Source, Amount = amount }],
            Total = amount,
            Description = $"Milestone: {milestone.Name}",
        };
    }

    /// <summary>The priced lines of a <c>finance.validateRateCard</c> output; null when nothing is billable.</summary>
    public static BillingEvent? FromValidatedTime(JsonObject validation, Project project, ExternalRef projectRef)
    {
        if ((bool?)validation["valid"] != true)
        {
            var reasons = (validation["errors"] as JsonArray ?? []).Select(e => JsonValues.String(e?["message"])).Where(m => m is not null).Take(3);
            throw Invalid($"the time did not pass finance.validateRateCard; only valid time is billed ({string.Join(" ", reasons)}).");
        }

        var lines = new List<BillingLine>();
        foreach (var line in (validation["lines"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (line["amount"] is not JsonObject amount || JsonValues.Long(line["billedSeconds"]) is not > 0)
            {
                continue;
            }

            var money = CanonicalJson.FromNode<Money>(amount, "a line's amount");
            if (money.Currency != project.Currency)
            {
                throw Invalid($"a line is priced in {money.Currency} but project '{project.Name}' bills in {project.Currency}.");
            }

            lines.Add(new BillingLine
            {
                Description = $"{JsonValues.String(line["role"]) ?? "Time"} {JsonValues.String(line["workDate"])}",
                Source = CanonicalJson.FromNode<ExternalRef>(line["source"], "a line's source"),
                Worker = line["worker"] is JsonObject worker ? CanonicalJson.FromNode<ExternalRef>(worker, "a line's worker") : null,
                Task = line["task"] is JsonObject task ? CanonicalJson.FromNode<ExternalRef>(task, "a line's task") : null,
                WorkDate = DateOnly.ParseExact((string)line["workDate"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                RawHours = JsonValues.Decimal(line["rawHours"]),
                Hours = JsonValues.Decimal(line["hours"]),
                Rate = line["rate"] is JsonObject rate ? CanonicalJson.FromNode<Money>(rate, "a line's rate") : null,
                Amount = money,
            });
        }

        if (lines.Count == 0)
        {
            return null;
        }

        var total = validation["totals"]?["amount"] is JsonObject totalAmount
            ? CanonicalJson.FromNode<Money>(totalAmount, "the total")
            : lines.Select(l => l.Amount).Aggregate((a, b) => a + b);
        var from = lines.Min(l => l.WorkDate!.Value);
        var to = lines.Max(l => l.WorkDate!.Value);
        return new BillingEvent
        {
            Source = new ExternalRef(System, $"time:{projectRef}:{Fingerprint(lines.Select(l => l.Source!.ToString()))}"),
            Kind = BillingEventKind.Time,
            Project = projectRef,
            Customer = project.Customer,
            Date = to,
            Lines = lines,
            Total = total,
            Description = from == to ? $"Time on {from:yyyy-MM-dd}" : $"Time from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}",
        };
    }

    // Order-independent: the same entries in another order are the same billing event.
    private static string Fingerprint(IEnumerable<string> sources)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', sources.Order(StringComparer.Ordinal)))))[..20];

    private static ServicesSyncException Invalid(string problem) => new($"Billing event: {problem}", ErrorKind.Validation);
}
