using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Checks of the rate cards themselves, independent of any entry: which cards apply to the
/// project, their currency, their effective dating (no overlaps, no gaps) and their lines.
/// </summary>
internal static class RateCardChecks
{
    /// <summary>The cards that apply to <paramref name="project"/>, most specific scope first (project, customer, default).</summary>
    public static IReadOnlyList<RateCard> Applicable(Project project, IReadOnlyList<RateCard> cards, List<RateCardIssue> errors)
    {
        var applicable = new List<RateCard>();
        foreach (var kind in new[] { RateCardScopeKind.Project, RateCardScopeKind.Customer, RateCardScopeKind.Default })
        {
            var matching = cards.Where(c => c.Scope.Kind == kind && Applies(c.Scope, project)).ToList();
            if (matching.Count > 1)
            {
                errors.Add(new(
                    RateCardRules.CardAmbiguous,
                    null,
                    $"{matching.Count} {Describe(kind)} rate cards apply to project '{project.Name}' ({string.Join(", ", matching.Select(c => c.Id))}); exactly one may."));
            }

            applicable.AddRange(matching);
        }

        return applicable;
    }

    public static void Check(RateCard card, Project project, List<RateCardIssue> errors)
    {
        if (!Currency.TryGet(card.Currency, out _))
        {
            errors.Add(new(RateCardRules.CardCurrency, null, $"Rate card '{card.Id}' has the unknown currency '{card.Currency}'."));
        }
        else if (!string.Equals(card.Currency, project.Currency, StringComparison.Ordinal))
        {
            errors.Add(new(
                RateCardRules.CardCurrency,
                null,
                $"Rate card '{card.Id}' is in {card.Currency} but project '{project.Name}' bills in {project.Currency}; rates are never converted."));
        }

        CheckVersions(card, errors);
        foreach (var version in card.Versions)
        {
            CheckLines(card, version, errors);
        }
    }

    private static void CheckVersions(RateCard card, List<RateCardIssue> errors)
    {
        if (card.Versions.Count == 0)
        {
            errors.Add(new(RateCardRules.CardVersions, null, $"Rate card '{card.Id}' has no versions."));
            return;
        }

        var ordered = card.Versions.OrderBy(v => v.EffectiveFrom).ToList();
        foreach (var version in ordered.Where(v => v.EffectiveTo < v.EffectiveFrom))
        {
            errors.Add(new(RateCardRules.CardVersions, null, $"Rate card '{card.Id}': the version from {version.EffectiveFrom:yyyy-MM-dd} ends before it starts ({version.EffectiveTo:yyyy-MM-dd})."));
        }

        for (var i = 1; i < ordered.Count; i++)
        {
            var previous = ordered[i - 1];
            var next = ordered[i];
            if (previous.EffectiveTo is null || next.EffectiveFrom <= previous.EffectiveTo.Value)
            {
                var end = previous.EffectiveTo is null ? "has no end" : $"runs to {previous.EffectiveTo:yyyy-MM-dd}";
                errors.Add(new(
                    RateCardRules.CardVersions,
                    null,
                    $"Rate card '{card.Id}': the version from {previous.EffectiveFrom:yyyy-MM-dd} {end} and overlaps the version from {next.EffectiveFrom:yyyy-MM-dd}."));
            }
            else if (next.EffectiveFrom > previous.EffectiveTo.Value.AddDays(1))
            {
                errors.Add(new(
                    RateCardRules.CardVersions,
                    null,
                    $"Rate card '{card.Id}' has no rates from {previous.EffectiveTo.Value.AddDays(1):yyyy-MM-dd} to {next.EffectiveFrom.AddDays(-1):yyyy-MM-dd}: versions must leave no gap."));
            }
        }
    }

    private static void CheckLines(RateCard card, RateCardVersion version, List<RateCardIssue> errors)
    {
        var where = $"Rate card '{card.Id}' (version from {version.EffectiveFrom:yyyy-MM-dd})";
        foreach (var line in version.Lines)
        {
            if (line.Rate < 0)
            {
                errors.Add(new(RateCardRules.CardVersions, null, $"{where} has a negative rate {line.Rate} for {LineName(line)}."));
            }

            if (line.Task is not null && line.Worker is null && line.Role is null)
            {
                errors.Add(new(RateCardRules.CardVersions, null, $"{where} has a line for task {line.Task} alone; a task rate needs a worker or a role."));
            }

            if (line.Worker is not null && line.Role is not null)
            {
                errors.Add(new(RateCardRules.CardVersions, null, $"{where} has a line for both worker {line.Worker} and role '{line.Role}'; a line names a worker or a role, not both."));
            }
        }

        foreach (var group in version.Lines.GroupBy(l => (l.Worker, l.Role, l.Task)).Where(g => g.Count() > 1))
        {
            errors.Add(new(RateCardRules.RateAmbiguous, null, $"{where} has {group.Count()} lines for {LineName(group.First())}; one line per key, or the rate is ambiguous."));
        }
    }

    public static string LineName(RateCardLine line)
    {
        var parts = new List<string>();
        if (line.Worker is not null)
        {
            parts.Add($"worker {line.Worker}");
        }

        if (line.Role is not null)
        {
            parts.Add($"role '{line.Role}'");
        }

        if (line.Task is not null)
        {
            parts.Add($"task {line.Task}");
        }

        return parts.Count == 0 ? "the default rate" : string.Join(" on ", parts);
    }

    private static bool Applies(RateCardScope scope, Project project) => scope.Kind switch
    {
        RateCardScopeKind.Project => scope.Target is not null && project.IsIdentifiedBy(scope.Target),
        RateCardScopeKind.Customer => scope.Target is not null && scope.Target == project.Customer,
        _ => true,
    };

    private static string Describe(RateCardScopeKind kind) => kind switch
    {
        RateCardScopeKind.Project => "project",
        RateCardScopeKind.Customer => "customer",
        _ => "default",
    };
}
