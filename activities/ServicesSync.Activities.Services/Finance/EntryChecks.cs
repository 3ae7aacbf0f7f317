using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// The per-entry rules that decide whether an entry may be billed at all: durations, project,
/// approval, employment, assignment and billability. Each adds its reason and lets the others run,
/// so one pass reports everything that is wrong.
/// </summary>
internal sealed class EntryChecks(RateCardValidationRequest request, List<RateCardIssue> errors, List<RateCardIssue> warnings)
{
    private readonly Project project = request.Project;

    public void Durations(TimeEntry entry)
    {
        if (entry.DurationSeconds < 0)
        {
            errors.Add(new(RateCardRules.Duration, entry.Source.ToString(), $"The duration is negative ({entry.DurationSeconds} s)."));
        }

        if (entry.BillableSeconds is < 0)
        {
            errors.Add(new(RateCardRules.Billable, entry.Source.ToString(), $"Billable time is negative ({entry.BillableSeconds} s)."));
        }
        else if (entry.BillableSeconds > entry.DurationSeconds)
        {
            errors.Add(new(RateCardRules.Billable, entry.Source.ToString(), $"Billable time ({entry.BillableSeconds} s) exceeds the logged time ({entry.DurationSeconds} s)."));
        }
    }

    public void Project(TimeEntry entry)
    {
        var source = entry.Source.ToString();
        if (!project.IsIdentifiedBy(entry.Project))
        {
            errors.Add(new(RateCardRules.ProjectMismatch, source, $"The entry is for project {entry.Project}, not '{project.Name}'."));
        }

        if (project.IsOpenOn(entry.WorkDate))
        {
            return;
        }

        var reason = project.Status != ProjectStatus.Open
            ? $"it is {project.Status switch { ProjectStatus.OnHold => "on hold", ProjectStatus.Planned => "planned, not open yet", _ => "closed" }}"
            : entry.WorkDate < project.StartDate
                ? $"it starts on {project.StartDate:yyyy-MM-dd}"
                : $"it ended on {project.EndDate:yyyy-MM-dd}";
        errors.Add(new(RateCardRules.ProjectOpen, source, $"Project '{project.Name}' is not open on {entry.WorkDate:yyyy-MM-dd}: {reason}."));
    }

    public void Approval(TimeEntry entry)
    {
        if (entry.ApprovalStatus == ApprovalStatus.Rejected)
        {
            errors.Add(new(RateCardRules.Approval, entry.Source.ToString(), "The entry was rejected."));
        }
        else if (project.ApprovalRequired && entry.ApprovalStatus != ApprovalStatus.Approved)
        {
            errors.Add(new(
                RateCardRules.Approval,
                entry.Source.ToString(),
                $"Project '{project.Name}' bills approved time only; the entry is {entry.ApprovalStatus.ToString().ToLowerInvariant()}."));
        }
    }

    /// <summary>The worker of the entry when the workers are known; null (with the reason) otherwise.</summary>
    public Worker? Employment(TimeEntry entry)
    {
        if (request.Workers is null)
        {
            return null;
        }

        var source = entry.Source.ToString();
        var worker = request.Workers.FirstOrDefault(w => w.IsIdentifiedBy(entry.Worker));
        if (worker is null)
        {
            errors.Add(new(RateCardRules.WorkerUnknown, source, $"Worker {entry.Worker} is not among the known workers."));
            return null;
        }

        switch (worker.IsEmployedOn(entry.WorkDate))
        {
            case null:
                warnings.Add(new(RateCardRules.WorkerEmployed, source, $"The employment periods of worker {entry.Worker} are unknown; employment on {entry.WorkDate:yyyy-MM-dd} was not checked."));
                break;
            case false:
                errors.Add(new(RateCardRules.WorkerEmployed, source, $"Worker {entry.Worker} was not employed on {entry.WorkDate:yyyy-MM-dd} ({Periods(worker)})."));
                break;
        }

        return worker;
    }

    /// <summary>The assignment covering the entry, when assignments are known.</summary>
    public Assignment? Assignment(TimeEntry entry, Worker? worker)
    {
        if (request.Assignments is null)
        {
            return null;
        }

        var candidates = request.Assignments
            .Where(a => SameWorker(a.Worker, entry.Worker, worker) && project.IsIdentifiedBy(a.Project))
            .Where(a => a.Task is null || SameTask(a.Task, entry.Task))
            .ToList();
        var covering = candidates.Where(a => a.Covers(entry.WorkDate)).OrderByDescending(a => a.Task is not null).FirstOrDefault();
        if (covering is null)
        {
            var detail = candidates.Count == 0
                ? "it has no assignment on this project"
                : $"its assignments run {string.Join(", ", candidates.Select(a => $"{a.StartDate:yyyy-MM-dd} to {(a.EndDate is null ? "open" : a.EndDate.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}"))}";
            errors.Add(new(RateCardRules.WorkerAssigned, entry.Source.ToString(), $"Worker {entry.Worker} is not assigned to project '{project.Name}' on {entry.WorkDate:yyyy-MM-dd}: {detail}."));
        }

        return covering;
    }

    /// <summary>
    /// The seconds that may be billed. A source that does not say (null) bills all logged time of
    /// billable work; an explicit billable amount on time that can never be billed is an error.
    /// </summary>
    public long BillableSeconds(TimeEntry entry)
    {
        var why = NotBillableReason(entry);
        if (why is null)
        {
            return Math.Clamp(entry.BillableSeconds ?? entry.DurationSeconds, 0, Math.Max(entry.DurationSeconds, 0));
        }

        if (entry.BillableSeconds > 0)
        {
            errors.Add(new(RateCardRules.Billable, entry.Source.ToString(), $"{entry.BillableSeconds} s are marked billable, but {why}."));
        }

        return 0;
    }

    public bool SameTask(ExternalRef? left, ExternalRef? right)
    {
        if (left is null || right is null)
        {
            return false;
        }

        if (left == right)
        {
            return true;
        }

        var task = request.Tasks?.FirstOrDefault(t => t.IsIdentifiedBy(left));
        return task is not null && task.IsIdentifiedBy(right);
    }

    private static bool SameWorker(ExternalRef reference, ExternalRef entryWorker, Worker? worker)
        => reference == entryWorker || (worker is not null && worker.IsIdentifiedBy(reference));

    private string? NotBillableReason(TimeEntry entry)
    {
        if (project.BillingType == BillingType.NonBillable)
        {
            return $"project '{project.Name}' is non-billable";
        }

        if (entry.Type is TimeEntryType.Leave or TimeEntryType.Internal)
        {
            return $"{entry.Type.ToString().ToLowerInvariant()} time is never billable";
        }

        var task = entry.Task is null ? null : request.Tasks?.FirstOrDefault(t => t.IsIdentifiedBy(entry.Task));
        return task is { Billable: false } ? $"task '{task.Name}' is non-billable" : null;
    }

    private static string Periods(Worker worker)
    {
        var periods = worker.EmploymentPeriods.GetValueOrDefault(null) ?? [];
        return periods.Count == 0
            ? "no employment periods"
            : "employed " + string.Join(", ", periods.Select(p => $"{p.Start:yyyy-MM-dd} to {(p.End is null ? "now" : p.End.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}"));
    }
}
