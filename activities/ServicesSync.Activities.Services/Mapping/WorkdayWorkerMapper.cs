using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>
/// A normalized Workday worker (from <c>workday.parseWorkers</c>) → canonical worker. The REST
/// summary carries no status or dates, so those stay unknown for it; Get_Workers carries them.
/// </summary>
internal static class WorkdayWorkerMapper
{
    public static Worker Map(JsonObject source, DateOnly today)
    {
        var id = JsonValues.String(source["workerId"]) ?? JsonValues.String(source["wid"])
            ?? throw new Errors.ServicesSyncException("The Workday worker has neither a workerId nor a wid.", Errors.ErrorKind.Validation);
        var hireDate = Date(source, "hireDate");
        var originalHireDate = Date(source, "originalHireDate");
        var terminationDate = Date(source, "terminationDate");
        var active = Flag(source, "active");
        var terminated = Flag(source, "terminated");
        var statusKnown = active.IsProvided || terminated.IsProvided;
        return new Worker
        {
            Refs = [new ExternalRef(source["workerId"] is null ? "workday.wid" : "workday", id)],
            Kind = Text(source, "kind") is { IsProvided: true } kind ? Optional.Of<WorkerKind?>(kind.Value == "contractor" ? WorkerKind.Contractor : WorkerKind.Employee) : default,
            GivenName = Text(source, "givenName"),
            FamilyName = Text(source, "familyName"),
            DisplayName = Text(source, "displayName"),
            Email = Text(source, "email"),
            JobTitle = Text(source, "jobTitle"),
            Status = statusKnown
                ? Optional.Of(EmploymentHistory.Status(active.GetValueOrDefault(null), terminated.GetValueOrDefault(null), hireDate.GetValueOrDefault(null), terminationDate.GetValueOrDefault(null), today))
                : default,
            EmploymentPeriods = hireDate.IsProvided && terminated.IsProvided
                ? Optional.Of<IReadOnlyList<EmploymentPeriod>?>(EmploymentHistory.Periods(hireDate.Value, originalHireDate.GetValueOrDefault(null), terminationDate.GetValueOrDefault(null), terminated.Value))
                : default,
            OriginalHireDate = originalHireDate,
            CostCenter = source["costCenter"]?["id"] is JsonValue costCenter ? new ExternalRef("workday", (string)costCenter!) : default(Optional<ExternalRef?>),
            Supervisor = Text(source, "managerId") is { IsProvided: true, Value: { } manager } ? new ExternalRef("workday", manager) : default(Optional<ExternalRef?>),
        };
    }

    private static Optional<string?> Text(JsonObject source, string name) => source[name] is JsonValue value ? JsonValues.String(value) : default(Optional<string?>);

    private static Optional<bool?> Flag(JsonObject source, string name) => source[name] is JsonValue value ? (bool?)value : default(Optional<bool?>);

    private static Optional<DateOnly?> Date(JsonObject source, string name)
        => source[name] is JsonValue value && DateOnly.TryParseExact(JsonValues.String(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : default(Optional<DateOnly?>);
}
