using System.Globalization;
using ServicesSync.Canonical;
using ServicesSync.Errors;
using ServicesSync.Text;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Reads rate cards from CSV, one line per rate:
/// <c>card,scope,target,currency,effectiveFrom,effectiveTo,role,worker,task,rate</c>. Rows of one
/// card share scope, target and currency; rows with the same dates form one version. References
/// are written <c>system:id</c>. Every bad cell is reported with its line number.
/// </summary>
internal static class RateCardCsv
{
    private static readonly string[] Columns = ["card", "scope", "target", "currency", "effectiveFrom", "effectiveTo", "role", "worker", "task", "rate"];

    public static IReadOnlyList<RateCard> Parse(string text, string fileName)
    {
        var (rows, errors) = CsvReader.ReadRecords(text, ',');
        if (errors.Count > 0)
        {
            throw Error(fileName, "has errors: " + string.Join("; ", errors.Select(e => $"line {e.Row}, column {e.Column}: {e.Message}")) + ".");
        }

        if (rows.Count == 0)
        {
            throw Error(fileName, "is empty; it needs the header " + string.Join(",", Columns) + ".");
        }

        var header = rows[0].Fields.Select(h => h.Trim()).ToArray();
        var index = Columns.ToDictionary(c => c, c => Array.FindIndex(header, h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)));
        var missing = index.Where(p => p.Value < 0 && p.Key is "card" or "currency" or "effectiveFrom" or "rate").Select(p => p.Key).ToList();
        if (missing.Count > 0)
        {
            throw Error(fileName, $"has no column {string.Join(", ", missing)} in its header (expected {string.Join(",", Columns)}).");
        }

        var problems = new List<string>();
        var parsed = new List<(int Line, string Card, RateCardScope Scope, string Currency, DateOnly From, DateOnly? To, RateCardLine Rate)>();
        for (var i = 1; i < rows.Count; i++)
        {
            var (line, row) = rows[i];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string Cell(string column) => index[column] >= 0 && index[column] < row.Count ? row[index[column]].Trim() : "";
            try
            {
                var scope = ParseScope(Cell("scope"), Cell("target"));
                parsed.Add((
                    line,
                    Required(Cell("card"), "card"),
                    scope,
                    Required(Cell("currency"), "currency"),
                    ParseDate(Cell("effectiveFrom"), "effectiveFrom") ?? throw new FormatException("effectiveFrom is required"),
                    ParseDate(Cell("effectiveTo"), "effectiveTo"),
                    new RateCardLine
                    {
                        Role = Optional(Cell("role")),
                        Worker = Reference(Cell("worker"), "worker"),
                        Task = Reference(Cell("task"), "task"),
                        Rate = decimal.TryParse(Cell("rate"), NumberStyles.Number, CultureInfo.InvariantCulture, out var rate)
                            ? rate
                            : throw new FormatException($"rate '{Cell("rate")}' is not a number such as 150 or 162.50"),
                    }));
            }
            catch (Exception ex) when (ex is FormatException or ServicesSyncException)
            {
                problems.Add($"line {line}: {ex.Message}");
            }
        }

        var cards = new List<RateCard>();
        foreach (var card in parsed.GroupBy(p => p.Card, StringComparer.Ordinal))
        {
            var first = card.First();
            foreach (var row in card.Where(r => r.Scope != first.Scope || r.Currency != first.Currency))
            {
                problems.Add($"line {row.Line}: card '{card.Key}' has another scope or currency than on line {first.Line}");
            }

            cards.Add(new RateCard
            {
                Id = card.Key,
                Scope = first.Scope,
                Currency = first.Currency,
                Versions = [.. card.GroupBy(r => (r.From, r.To)).Select(v => new RateCardVersion { EffectiveFrom = v.Key.From, EffectiveTo = v.Key.To, Lines = [.. v.Select(r => r.Rate)] })],
            });
        }

        return problems.Count == 0 ? cards : throw Error(fileName, "has errors: " + string.Join("; ", problems) + ".");
    }

    private static RateCardScope ParseScope(string scope, string target)
    {
        var kind = scope.ToLowerInvariant() switch
        {
            "" or "default" => RateCardScopeKind.Default,
            "customer" => RateCardScopeKind.Customer,
            "project" => RateCardScopeKind.Project,
            _ => throw new FormatException($"scope '{scope}' is not default, customer or project"),
        };
        var reference = Reference(target, "target");
        if (kind != RateCardScopeKind.Default && reference is null)
        {
            throw new FormatException($"a {scope} card needs a target such as netsuite:customer:501");
        }

        return new RateCardScope(kind, reference);
    }

    private static DateOnly? ParseDate(string text, string column)
        => text.Length == 0
            ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new FormatException($"{column} '{text}' is not a date such as 2026-01-31");

    private static ExternalRef? Reference(string text, string column)
        => text.Length == 0 ? null : ExternalRef.TryParse(text, out var reference) ? reference : throw new FormatException($"{column} '{text}' is not a reference such as jira:ACME-42");

    private static string Required(string text, string column) => text.Length == 0 ? throw new FormatException($"{column} is required") : text;

    private static string? Optional(string text) => text.Length == 0 ? null : text;

    private static ServicesSyncException Error(string fileName, string problem) => new($"The rate card file '{fileName}' {problem}", ErrorKind.Validation);
}
