using ServicesSync.Activities.Services.Finance;
using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Tests.Finance;

/// <summary>
/// A consulting project for Acme billed in USD, its customer rate card (rates change on
/// Wednesday 1 July 2026), a consultant staffed on it, and approved entries by default.
/// </summary>
internal static class FinanceMother
{
    public static readonly ExternalRef Ada = new("jira", "ada");
    public static readonly ExternalRef AdaInHr = new("bamboohr", "123");
    public static readonly ExternalRef AcmeProject = new("jira", "ACME");
    public static readonly ExternalRef AcmeCustomer = new("netsuite", "customer:501");
    public static readonly ExternalRef Migration = new("jira", "ACME-42");

    public static DateOnly Day(int month, int day) => new(2026, month, day);

    public static Project Project(Func<Project, Project>? change = null)
    {
        var project = new Project
        {
            Id = "prj-1",
            Refs = [new ExternalRef("netsuite", "job:7788"), AcmeProject],
            Name = "Acme ERP rollout",
            Customer = AcmeCustomer,
            Currency = "USD",
            Status = ProjectStatus.Open,
            StartDate = Day(1, 1),
            EndDate = Day(12, 31),
            ApprovalRequired = true,
        };
        return change is null ? project : change(project);
    }

    public static Worker Worker(params EmploymentPeriod[] periods) => new()
    {
        Id = "wrk-1",
        Refs = [Ada, AdaInHr],
        BillingRole = "Consultant",
        EmploymentPeriods = Optional.Of<IReadOnlyList<EmploymentPeriod>?>(periods.Length == 0 ? [new EmploymentPeriod(new DateOnly(2025, 2, 3))] : periods),
    };

    public static Assignment Assignment(DateOnly? start = null, DateOnly? end = null, string? role = null, ExternalRef? task = null)
        => new() { Worker = Ada, Project = AcmeProject, Task = task, Role = role, StartDate = start ?? Day(1, 1), EndDate = end };

    public static TimeEntry Entry(string id, DateOnly date, long seconds, Func<TimeEntry, TimeEntry>? change = null)
    {
        var entry = new TimeEntry
        {
            Source = new ExternalRef("jira", id),
            Worker = Ada,
            Project = AcmeProject,
            Task = Migration,
            WorkDate = date,
            DurationSeconds = seconds,
            ApprovalStatus = ApprovalStatus.Approved,
        };
        return change is null ? entry : change(entry);
    }

    public static RateCardVersion Version(DateOnly from, DateOnly? to, params RateCardLine[] lines)
        => new() { EffectiveFrom = from, EffectiveTo = to, Lines = lines };

    public static RateCardLine Default(decimal rate) => new() { Rate = rate };

    public static RateCardLine Role(string role, decimal rate, ExternalRef? task = null) => new() { Role = role, Task = task, Rate = rate };

    public static RateCardLine ForWorker(ExternalRef worker, decimal rate, ExternalRef? task = null) => new() { Worker = worker, Task = task, Rate = rate };

    /// <summary>Acme's customer card: 150 default and 180 for consultants to 30 June, then 160 and 190.</summary>
    public static RateCard CustomerCard(string currency = "USD") => new()
    {
        Id = "acme-2026",
        Scope = new RateCardScope(RateCardScopeKind.Customer, AcmeCustomer),
        Currency = currency,
        Versions =
        [
            Version(Day(1, 1), Day(6, 30), Default(150), Role("Consultant", 180), Role("Architect", 200)),
            Version(Day(7, 1), null, Default(160), Role("Consultant", 190)),
        ],
    };

    public static RateCard Card(RateCardScopeKind kind, string id, params RateCardVersion[] versions) => new()
    {
        Id = id,
        Scope = kind switch
        {
            RateCardScopeKind.Project => new RateCardScope(kind, AcmeProject),
            RateCardScopeKind.Customer => new RateCardScope(kind, AcmeCustomer),
            _ => RateCardScope.Default,
        },
        Currency = "USD",
        Versions = versions,
    };

    public static RateCardValidationRequest Request(IReadOnlyList<TimeEntry> entries, Func<RateCardValidationRequest, RateCardValidationRequest>? change = null)
    {
        var request = new RateCardValidationRequest
        {
            Entries = entries,
            Project = Project(),
            RateCards = [CustomerCard()],
            Workers = [Worker()],
            Assignments = [Assignment()],
        };
        return change is null ? request : change(request);
    }

    public static RateCardValidationResult Validate(IReadOnlyList<TimeEntry> entries, Func<RateCardValidationRequest, RateCardValidationRequest>? change = null)
        => RateCardValidator.Validate(Request(entries, change));

    public static RateCardValidationResult Validate(TimeEntry entry, Func<RateCardValidationRequest, RateCardValidationRequest>? change = null)
        => Validate([entry], change);

    /// <summary>The rules of the errors, for assertions that name exactly what failed.</summary>
    public static string[] ErrorRules(this RateCardValidationResult result) => [.. result.Errors.Select(e => e.Rule)];

    public static string[] WarningRules(this RateCardValidationResult result) => [.. result.Warnings.Select(e => e.Rule)];
}
