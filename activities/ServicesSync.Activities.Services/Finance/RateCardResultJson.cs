using System.Text.Json.Nodes;
using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// The activity's output: <c>{ valid, errors, warnings, lines, totals, rounding, results, message }</c>.
/// <c>results</c> holds one <c>{ source, valid, errors, warnings, entry, line }</c> per entry, in
/// order, so a for-each after one batch validation posts each valid entry and suspends each invalid one.
/// </summary>
internal static class RateCardResultJson
{
    public static JsonObject Create(RateCardValidationResult result, Project project, IReadOnlyList<TimeEntry> entries, JsonNode? message)
    {
        var json = new JsonObject
        {
            ["valid"] = result.IsValid,
            ["errors"] = Issues(result.Errors),
            ["warnings"] = Issues(result.Warnings),
            ["lines"] = new JsonArray([.. result.Lines.Select(Line)]),
            ["totals"] = new JsonObject
            {
                ["rawSeconds"] = result.TotalRawSeconds,
                ["billedSeconds"] = result.TotalBilledSeconds,
                ["rawHours"] = BilledLine.Hours(result.TotalRawSeconds),
                ["hours"] = BilledLine.Hours(result.TotalBilledSeconds),
                ["amount"] = CanonicalJson.ToNode(result.TotalAmount),
            },
            ["rounding"] = CanonicalJson.ToNode(project.Rounding),
            ["results"] = new JsonArray([.. result.Entries.Select((verdict, i) => (JsonNode)new JsonObject
            {
                ["source"] = entries[i].Source.ToString(),
                ["valid"] = verdict.IsValid,
                ["errors"] = Issues(verdict.Errors),
                ["warnings"] = Issues(verdict.Warnings),
                ["entry"] = CanonicalJson.ToNode(entries[i]),
                ["line"] = Line(result.Lines[i]),
            })]),
        };
        if (message is not null)
        {
            json["message"] = message;
        }

        return json;
    }

    private static JsonArray Issues(IReadOnlyList<RateCardIssue> issues)
        => new([.. issues.Select(i => (JsonNode)new JsonObject { ["rule"] = i.Rule, ["source"] = i.Source, ["message"] = i.Message })]);

    private static JsonObject Line(BilledLine line)
    {
        var json = new JsonObject
        {
            ["source"] = CanonicalJson.ToNode(line.Source),
            ["worker"] = CanonicalJson.ToNode(line.Worker),
            ["task"] = CanonicalJson.ToNode(line.Task),
            ["workDate"] = line.WorkDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["durationSeconds"] = line.DurationSeconds,
            ["rawSeconds"] = line.RawSeconds,
            ["billedSeconds"] = line.BilledSeconds,
            ["rawHours"] = line.RawHours,
            ["hours"] = line.BilledHours,
            ["role"] = line.Role,
            ["amount"] = CanonicalJson.ToNode(line.Amount),
        };
        if (line.Rate is { } rate)
        {
            json["rate"] = CanonicalJson.ToNode(rate.Rate);
            json["rateSource"] = new JsonObject
            {
                ["level"] = CanonicalJson.ToNode(rate.Level),
                ["card"] = rate.CardId,
                ["effectiveFrom"] = rate.VersionFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        if (line.NearDuplicateOf is not null)
        {
            json["nearDuplicateOf"] = CanonicalJson.ToNode(line.NearDuplicateOf);
        }

        return json;
    }
}
