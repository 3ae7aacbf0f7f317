using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Hours one worker logged on the project on one work date (the local date of the source),
/// this batch and the entries already accepted together. Above the hard limit every entry of
/// that day is invalid; above the soft limit they pass with a warning.
/// </summary>
internal static class DailyHoursCheck
{
    public static void Check(IEnumerable<TimeEntry> entries, IReadOnlyList<TimeEntry> existing, HourLimits? limits, List<RateCardIssue> errors, List<RateCardIssue> warnings)
    {
        if (limits is null || (limits.Soft is null && limits.Hard is null))
        {
            return;
        }

        var batch = entries.ToList();
        foreach (var day in batch.Concat(existing).GroupBy(e => (e.Worker, e.Project, e.WorkDate)))
        {
            var inBatch = batch.Where(e => e.Worker == day.Key.Worker && e.Project == day.Key.Project && e.WorkDate == day.Key.WorkDate).ToList();
            if (inBatch.Count == 0)
            {
                continue;
            }

            var hours = day.Sum(e => Math.Max(e.DurationSeconds, 0)) / 3600m;
            var text = $"Worker {day.Key.Worker} logged {Math.Round(hours, 2)} h on {day.Key.WorkDate:yyyy-MM-dd}";
            if (limits.Hard is { } hard && hours > hard)
            {
                errors.AddRange(inBatch.Select(e => new RateCardIssue(RateCardRules.DailyHours, e.Source.ToString(), $"{text}, above the hard limit of {hard} h.")));
            }
            else if (limits.Soft is { } soft && hours > soft)
            {
                warnings.AddRange(inBatch.Select(e => new RateCardIssue(RateCardRules.DailyHours, e.Source.ToString(), $"{text}, above the soft limit of {soft} h.")));
            }
        }
    }
}
