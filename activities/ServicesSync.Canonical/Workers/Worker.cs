using System.Text.Json.Serialization;

namespace ServicesSync.Canonical;

/// <summary>
/// A person who does billable or internal work: an employee or a contractor. HR owns status,
/// employment periods, cost center and supervisor; a workflow never writes those back elsewhere.
/// Every field but the identity is <see cref="Optional{T}"/>: a source that did not send a field
/// leaves it unknown, and <see cref="Apply"/> never lets an unknown field erase a known one.
/// </summary>
public sealed record Worker
{
    /// <summary>The canonical id, once the worker is linked in the cross-reference table.</summary>
    public string? Id { get; init; }

    /// <summary>The worker's ids in other systems, e.g. bamboohr:123, netsuite:881.</summary>
    public IReadOnlyList<ExternalRef> Refs { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<WorkerKind?> Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> GivenName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> FamilyName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> DisplayName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Email { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> JobTitle { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<WorkerStatus?> Status { get; init; }

    /// <summary>Every employment period, oldest first; a rehire adds a period.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyList<EmploymentPeriod>?> EmploymentPeriods { get; init; }

    /// <summary>The first hire date, kept across rehires.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<DateOnly?> OriginalHireDate { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<ExternalRef?> CostCenter { get; init; }

    /// <summary>The worker's manager, as a reference to another worker.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<ExternalRef?> Supervisor { get; init; }

    /// <summary>IANA time zone of the worker, e.g. America/Chicago; work dates are local to it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> TimeZone { get; init; }

    /// <summary>The role rate cards price this worker's time by, e.g. "Senior Consultant".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> BillingRole { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyList<CostRate>?> CostRates { get; init; }

    /// <summary>Whether <paramref name="reference"/> names this worker (its canonical id or one of its refs).</summary>
    public bool IsIdentifiedBy(ExternalRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return (reference.IsCanonical && reference.Id == Id) || Refs.Contains(reference);
    }

    /// <summary>Employed on <paramref name="date"/> by the known periods; null when they are unknown.</summary>
    public bool? IsEmployedOn(DateOnly date)
        => EmploymentPeriods.IsProvided ? EmploymentPeriods.Value?.Any(p => p.Contains(date)) ?? false : null;

    /// <summary>The cost rate effective on <paramref name="date"/>, if known.</summary>
    public CostRate? CostRateOn(DateOnly date)
        => CostRates.GetValueOrDefault(null)?.FirstOrDefault(r => r.Covers(date));

    /// <summary>
    /// This worker updated with what <paramref name="update"/> knows: every provided field of the
    /// update replaces this one's (a provided null clears it), every unknown field keeps this
    /// one's value. References are merged.
    /// </summary>
    public Worker Apply(Worker update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new Worker
        {
            Id = update.Id ?? Id,
            Refs = [.. Refs.Concat(update.Refs).Distinct()],
            Kind = update.Kind.Or(Kind),
            GivenName = update.GivenName.Or(GivenName),
            FamilyName = update.FamilyName.Or(FamilyName),
            DisplayName = update.DisplayName.Or(DisplayName),
            Email = update.Email.Or(Email),
            JobTitle = update.JobTitle.Or(JobTitle),
            Status = update.Status.Or(Status),
            EmploymentPeriods = update.EmploymentPeriods.Or(EmploymentPeriods),
            OriginalHireDate = update.OriginalHireDate.Or(OriginalHireDate),
            CostCenter = update.CostCenter.Or(CostCenter),
            Supervisor = update.Supervisor.Or(Supervisor),
            TimeZone = update.TimeZone.Or(TimeZone),
            BillingRole = update.BillingRole.Or(BillingRole),
            CostRates = update.CostRates.Or(CostRates),
        };
    }
}
