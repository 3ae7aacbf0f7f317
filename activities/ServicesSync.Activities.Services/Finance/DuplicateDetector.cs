using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// The same source id twice is a duplicate (an error: it would bill twice). A different source
/// id with the same worker, project and work date and a duration within the tolerance is a
/// near-duplicate (a warning and a flag on the line): the same work logged in two tools, or
/// typed twice.
/// </summary>
internal sealed class DuplicateDetector(IReadOnlyList<TimeEntry> existing, int toleranceMinutes)
{
    private readonly List<TimeEntry> seen = [];

    /// <summary>Checks <paramref name="entry"/> against earlier entries of the batch and the existing ones; returns the near-duplicate, if any.</summary>
    public (bool Duplicate, ExternalRef? NearDuplicateOf) Check(TimeEntry entry, List<RateCardIssue> errors, List<RateCardIssue> warnings)
    {
        var source = entry.Source.ToString();
        if (seen.Any(e => e.Source == entry.Source))
        {
            errors.Add(new(RateCardRules.Duplicate, source, $"The entry {source} appears more than once in this batch."));
            return (true, null);
        }

        seen.Add(entry);
        if (existing.Any(e => e.Source == entry.Source))
        {
            errors.Add(new(RateCardRules.Duplicate, source, $"The entry {source} was already accepted; billing it again would bill it twice."));
            return (true, null);
        }

        var tolerance = toleranceMinutes * 60L;
        var near = existing.Concat(seen.Take(seen.Count - 1)).FirstOrDefault(e =>
            e.Source != entry.Source
            && e.Worker == entry.Worker
            && e.Project == entry.Project
            && e.WorkDate == entry.WorkDate
            && Math.Abs(e.DurationSeconds - entry.DurationSeconds) <= tolerance);
        if (near is not null)
        {
            warnings.Add(new(
                RateCardRules.NearDuplicate,
                source,
                $"The entry looks like {near.Source}: same worker, project and date, durations {entry.DurationSeconds} s and {near.DurationSeconds} s."));
        }

        return (false, near?.Source);
    }
}
