using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>
/// Employment periods from what HR systems expose: the latest hire date, the first hire date and
/// the termination date. A termination before the latest hire belongs to an earlier stint, which
/// ran from the original hire date (a rehire); nothing is invented beyond that.
/// </summary>
internal static class EmploymentHistory
{
    public static IReadOnlyList<EmploymentPeriod> Periods(DateOnly? hireDate, DateOnly? originalHireDate, DateOnly? terminationDate, bool? terminated)
    {
        if (hireDate is not { } hired)
        {
            return [];
        }

        var periods = new List<EmploymentPeriod>();
        if (terminationDate is { } ended && ended < hired)
        {
            if (originalHireDate is { } first && first <= ended)
            {
                periods.Add(new EmploymentPeriod(first, ended, "Terminated"));
            }

            periods.Add(new EmploymentPeriod(hired, null, "Rehired"));
            return periods;
        }

        var currentEnd = terminationDate is { } end && terminated != false ? end : (DateOnly?)null;
        periods.Add(new EmploymentPeriod(hired, currentEnd, currentEnd is null ? null : "Terminated"));
        return periods;
    }

    /// <summary>Status from the HR flags and dates, relative to <paramref name="today"/>.</summary>
    public static WorkerStatus? Status(bool? active, bool? terminated, DateOnly? hireDate, DateOnly? terminationDate, DateOnly today)
    {
        if (terminated == true || (active == false && terminationDate is { } ended && ended <= today && (hireDate is null || ended >= hireDate)))
        {
            return WorkerStatus.Terminated;
        }

        if (hireDate is { } hired && hired > today)
        {
            return WorkerStatus.Pending;
        }

        return active switch
        {
            true => WorkerStatus.Active,
            false => WorkerStatus.Inactive,
            null => null,
        };
    }
}
