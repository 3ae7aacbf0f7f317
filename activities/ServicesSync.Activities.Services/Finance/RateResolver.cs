using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Most-specific-rate-wins. The entry's own rate wins where the project allows overrides; then
/// the project card, the customer card and the default card are tried in that order, each with
/// the version effective on the work date. Inside a card the levels are worker + task, worker,
/// role + task, role, task, default line; the first level with a match wins, and two matches on
/// one level are ambiguous (an error, never a pick).
/// </summary>
internal sealed class RateResolver(Project project, IReadOnlyList<RateCard> cards, Func<ExternalRef, ExternalRef, bool> sameWorker, Func<ExternalRef?, ExternalRef?, bool> sameTask)
{
    private static readonly RateLevel[] Levels = [RateLevel.WorkerTask, RateLevel.Worker, RateLevel.RoleTask, RateLevel.Role, RateLevel.Default];

    /// <summary>The rate for <paramref name="entry"/> priced in <paramref name="role"/>, or null with the reason added to <paramref name="errors"/>.</summary>
    public ResolvedRate? Resolve(TimeEntry entry, string? role, List<RateCardIssue> errors, List<RateCardIssue> warnings)
    {
        var source = entry.Source.ToString();
        if (entry.RateOverride is { } own)
        {
            if (!project.AllowRateOverride)
            {
                warnings.Add(new(RateCardRules.RateOverride, source, $"The entry's own rate {own} is ignored: project '{project.Name}' does not allow rate overrides."));
            }
            else if (own.Currency != project.Currency)
            {
                errors.Add(new(RateCardRules.RateOverride, source, $"The entry's own rate is in {own.Currency} but project '{project.Name}' bills in {project.Currency}; rates are never converted."));
                return null;
            }
            else
            {
                return new ResolvedRate(own, RateLevel.Override);
            }
        }

        foreach (var card in cards)
        {
            var version = card.VersionOn(entry.WorkDate);
            if (version is null)
            {
                continue;
            }

            foreach (var level in Levels)
            {
                var matches = version.Lines.Where(l => Matches(l, level, entry, role)).ToList();
                if (matches.Count > 1)
                {
                    errors.Add(new(RateCardRules.RateAmbiguous, source, $"Rate card '{card.Id}' has {matches.Count} {Describe(level)} rates that match this entry; exactly one may."));
                    return null;
                }

                if (matches.Count == 1)
                {
                    return new ResolvedRate(new Money(matches[0].Rate, card.Currency), level, card.Id, version.EffectiveFrom);
                }
            }
        }

        var who = role is null ? $"worker {entry.Worker} (no billing role known)" : $"worker {entry.Worker} in role '{role}'";
        errors.Add(new(RateCardRules.RateMissing, source, $"No rate card has a rate for {who} on {entry.WorkDate:yyyy-MM-dd}."));
        return null;
    }

    private bool Matches(RateCardLine line, RateLevel level, TimeEntry entry, string? role) => level switch
    {
        RateLevel.WorkerTask => line.Worker is not null && line.Task is not null && sameWorker(line.Worker, entry.Worker) && sameTask(line.Task, entry.Task),
        RateLevel.Worker => line.Worker is not null && line.Task is null && line.Role is null && sameWorker(line.Worker, entry.Worker),
        RateLevel.RoleTask => line.Worker is null && line.Role is not null && line.Task is not null && line.Role == role && sameTask(line.Task, entry.Task),
        RateLevel.Role => line.Worker is null && line.Role is not null && line.Task is null && line.Role == role,
        RateLevel.Default => line.Worker is null && line.Role is null && line.Task is null,
        _ => false,
    };

    private static string Describe(RateLevel level) => level switch
    {
        RateLevel.WorkerTask => "worker-and-task",
        RateLevel.Worker => "worker",
        RateLevel.RoleTask => "role-and-task",
        RateLevel.Role => "role",
        _ => "default",
    };
}
