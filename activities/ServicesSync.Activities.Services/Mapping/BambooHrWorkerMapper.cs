using System.Text.Json.Nodes;
using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>
/// BambooHR employee fields → canonical worker. Accepts API field names (<c>firstName</c>) and the
/// English display names field-based webhooks post (<c>First Name</c>). Fields not present stay
/// unknown; employment periods are derived only when both the hire and termination dates were
/// read, because one without the other cannot say whether the worker is employed.
/// </summary>
internal static class BambooHrWorkerMapper
{
    private static readonly Dictionary<string, string[]> DefaultKeys = new(StringComparer.Ordinal)
    {
        ["givenName"] = ["firstName", "First Name"],
        ["familyName"] = ["lastName", "Last Name"],
        ["displayName"] = ["displayName", "Display Name"],
        ["email"] = ["workEmail", "Work Email"],
        ["jobTitle"] = ["jobTitle", "Job Title"],
        ["status"] = ["status", "Status"],
        ["employmentStatus"] = ["employmentHistoryStatus", "Employment Status"],
        ["hireDate"] = ["hireDate", "Hire Date"],
        ["originalHireDate"] = ["originalHireDate", "Original Hire Date"],
        ["terminationDate"] = ["terminationDate", "Termination Date"],
        ["supervisor"] = ["supervisorEId"],
        ["costCenter"] = [],
        ["billingRole"] = [],
        ["timeZone"] = [],
    };

    /// <summary>Logical names a field map may set, e.g. { "costCenter": "customCostCenter" }.</summary>
    public static IEnumerable<string> LogicalNames => DefaultKeys.Keys;

    public static Worker Map(string employeeId, JsonObject fields, IReadOnlyDictionary<string, string> fieldMap, string costCenterSystem, DateOnly today)
    {
        Optional<string?> Read(string name) => MappedValue.Text(fields, Keys(name, fieldMap));
        Optional<DateOnly?> ReadDate(string name) => MappedValue.Date(fields, Keys(name, fieldMap), $"BambooHR field {name}");

        var hireDate = ReadDate("hireDate");
        var originalHireDate = ReadDate("originalHireDate");
        var terminationDate = ReadDate("terminationDate");
        var status = Read("status");
        var timeZone = Read("timeZone");
        if (timeZone is { IsProvided: true, Value: { } zone })
        {
            LocalWorkDate.Find(zone);
        }

        return new Worker
        {
            Refs = [new ExternalRef("bamboohr", employeeId)],
            Kind = Read("employmentStatus") is { IsProvided: true } kind
                ? Optional.Of<WorkerKind?>(kind.Value is null ? null : kind.Value.Contains("contract", StringComparison.OrdinalIgnoreCase) ? WorkerKind.Contractor : WorkerKind.Employee)
                : default,
            GivenName = Read("givenName"),
            FamilyName = Read("familyName"),
            DisplayName = Read("displayName"),
            Email = Read("email"),
            JobTitle = Read("jobTitle"),
            Status = status.IsProvided
                ? Optional.Of(status.Value is null ? null : EmploymentHistory.Status(
                    status.Value.Equals("Active", StringComparison.OrdinalIgnoreCase), null, hireDate.GetValueOrDefault(null), terminationDate.GetValueOrDefault(null), today))
                : default,
            EmploymentPeriods = hireDate.IsProvided && terminationDate.IsProvided
                ? Optional.Of<IReadOnlyList<EmploymentPeriod>?>(EmploymentHistory.Periods(hireDate.Value, originalHireDate.GetValueOrDefault(null), terminationDate.Value, null))
                : default,
            OriginalHireDate = originalHireDate,
            Supervisor = MappedValue.Map(Read("supervisor"), id => new ExternalRef("bamboohr", id)),
            CostCenter = MappedValue.Map(Read("costCenter"), code => new ExternalRef(costCenterSystem, code)),
            BillingRole = Read("billingRole"),
            TimeZone = timeZone,
        };
    }

    private static string[] Keys(string name, IReadOnlyDictionary<string, string> fieldMap)
        => fieldMap.TryGetValue(name, out var mapped) ? [mapped] : DefaultKeys[name];
}
