using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Validates time entries against a project's rate cards and billing controls and prices them.
/// Every rule runs on every entry, so the result carries every reason at once; an entry that
/// fails one rule is still priced where possible, so the operator sees the full picture.
/// </summary>
internal static class RateCardValidator
{
    public static RateCardValidationResult Validate(RateCardValidationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<RateCardIssue>();
        var warnings = new List<RateCardIssue>();
        var project = request.Project;
        var projectCurrencyKnown = Currency.TryGet(project.Currency, out var currency);
        if (!projectCurrencyKnown)
        {
            errors.Add(new(RateCardRules.CardCurrency, null, $"Project '{project.Name}' has the unknown currency '{project.Currency}'."));
        }

        var cards = RateCardChecks.Applicable(project, request.RateCards, errors);
        foreach (var card in cards)
        {
            RateCardChecks.Check(card, project, errors);
        }

        WarnAboutUnknownLists(request, warnings);
        var checks = new EntryChecks(request, errors, warnings);
        var priced = project.BillingType == BillingType.TimeAndMaterials && projectCurrencyKnown;
        var resolver = new RateResolver(
            project,
            cards.Where(c => c.Currency == project.Currency).ToList(),
            (line, entryWorker) => line == entryWorker || (request.Workers?.FirstOrDefault(w => w.IsIdentifiedBy(entryWorker))?.IsIdentifiedBy(line) ?? false),
            checks.SameTask);
        var duplicates = new DuplicateDetector(request.ExistingEntries, request.NearDuplicateMinutes);
        var lines = new List<BilledLine>();
        var accepted = new List<TimeEntry>();
        var batchErrors = errors.ToList();
        var batchWarnings = warnings.ToList();
        var verdicts = new List<(List<RateCardIssue> Errors, List<RateCardIssue> Warnings, bool Accepted)>();
        foreach (var entry in request.Entries)
        {
            var (errorsBefore, warningsBefore) = (errors.Count, warnings.Count);
            var (duplicate, nearDuplicateOf) = duplicates.Check(entry, errors, warnings);
            if (!duplicate)
            {
                accepted.Add(entry);
            }

            checks.Durations(entry);
            checks.Project(entry);
            checks.Approval(entry);
            var worker = checks.Employment(entry);
            var assignment = checks.Assignment(entry, worker);
            var billable = checks.BillableSeconds(entry);
            var role = entry.Role ?? assignment?.Role ?? worker?.BillingRole.GetValueOrDefault(null);
            var rate = priced && billable > 0 ? resolver.Resolve(entry, role, errors, warnings) : null;
            var billed = project.Rounding is { Scope: RoundingScope.PerLine } rule ? rule.RoundSeconds(billable) : billable;
            lines.Add(new BilledLine
            {
                Source = entry.Source,
                Worker = entry.Worker,
                Task = entry.Task,
                WorkDate = entry.WorkDate,
                DurationSeconds = entry.DurationSeconds,
                RawSeconds = billable,
                BilledSeconds = billed,
                Role = role,
                Rate = rate,
                Amount = rate is null ? null : Amount(billed, rate.Rate),
                NearDuplicateOf = nearDuplicateOf,
            });
            verdicts.Add(([.. batchErrors, .. errors.Skip(errorsBefore)], [.. batchWarnings, .. warnings.Skip(warningsBefore)], !duplicate));
        }

        if (!priced && project.BillingType is BillingType.FixedFee or BillingType.Retainer && lines.Any(l => l.RawSeconds > 0))
        {
            warnings.Add(new(RateCardRules.NotPriced, null, $"Project '{project.Name}' is billed {(project.BillingType == BillingType.FixedFee ? "by milestone (fixed fee)" : "as a retainer")}: its time is validated but not priced."));
        }

        var (dailyErrorsFrom, dailyWarningsFrom) = (errors.Count, warnings.Count);
        DailyHoursCheck.Check(accepted, request.ExistingEntries, request.DailyHourLimits ?? project.DailyHourLimits, errors, warnings);
        // Daily hours are about the accepted entries of a day (never a repeat, which is already suspended as a duplicate).
        for (var i = 0; i < verdicts.Count; i++)
        {
            var source = request.Entries[i].Source.ToString();
            if (verdicts[i].Accepted)
            {
                verdicts[i].Errors.AddRange(errors.Skip(dailyErrorsFrom).Where(e => e.Source == source));
                verdicts[i].Warnings.AddRange(warnings.Skip(dailyWarningsFrom).Where(w => w.Source == source));
            }
        }

        var (billedSeconds, total) = Totals(lines, project.Rounding, priced ? currency : null);
        return new RateCardValidationResult(errors, warnings, lines, lines.Sum(l => l.RawSeconds), billedSeconds, total)
        {
            Entries = [.. verdicts.Select(v => new EntryVerdict(v.Errors, v.Warnings))],
        };
    }

    /// <summary>Billed hours times the hourly rate, rounded once to the currency's minor unit.</summary>
    public static Money Amount(long seconds, Money hourlyRate) => new Money(seconds * hourlyRate.Amount / 3600m, hourlyRate.Currency).Rounded();

    /// <summary>
    /// Per line: the rounded lines are summed. On the total: raw time is summed per rate, each sum
    /// is rounded once, and the amount is rounded once at the end.
    /// </summary>
    private static (long BilledSeconds, Money? Total) Totals(IReadOnlyList<BilledLine> lines, RoundingRule? rounding, Currency? currency)
    {
        if (rounding is not { Scope: RoundingScope.Total } rule)
        {
            var amount = currency is null ? null : lines.Where(l => l.Amount is not null).Aggregate(Money.Zero(currency.Code), (sum, l) => sum + l.Amount!);
            return (lines.Sum(l => l.BilledSeconds), amount);
        }

        var byRate = lines.Where(l => l.Rate is not null).GroupBy(l => l.Rate!.Rate.Amount).Select(g => (Rate: g.Key, Seconds: rule.RoundSeconds(g.Sum(l => l.RawSeconds)))).ToList();
        var unpriced = rule.RoundSeconds(lines.Where(l => l.Rate is null).Sum(l => l.RawSeconds));
        var billed = byRate.Sum(g => g.Seconds) + unpriced;
        return (billed, currency is null ? null : new Money(byRate.Sum(g => g.Seconds * g.Rate / 3600m), currency.Code).Rounded());
    }

    private static void WarnAboutUnknownLists(RateCardValidationRequest request, List<RateCardIssue> warnings)
    {
        if (request.Workers is null)
        {
            warnings.Add(new(RateCardRules.WorkerEmployed, null, "No workers were given: employment on the work date was not checked."));
        }

        if (request.Assignments is null)
        {
            warnings.Add(new(RateCardRules.WorkerAssigned, null, "No assignments were given: staffing on the work date was not checked."));
        }
    }
}
