namespace ServicesSync.Canonical.Tests;

/// <summary>One realistic instance of every canonical entity, with every optional field set.</summary>
internal static class CanonicalMother
{
    public static readonly ExternalRef JiraWorker = new("jira", "5b10ac8d82e05b22cc7d4ef5");
    public static readonly ExternalRef Project = new("netsuite", "job:7788");

    public static Worker Worker() => new()
    {
        Id = "wrk-0001",
        Refs = [new ExternalRef("bamboohr", "123"), JiraWorker],
        Kind = WorkerKind.Employee,
        GivenName = "Ada",
        FamilyName = "Lovelace",
        DisplayName = "Ada Lovelace",
        Email = "ada@example.com",
        JobTitle = "Senior Consultant",
        Status = WorkerStatus.Active,
        EmploymentPeriods = Optional.Of<IReadOnlyList<EmploymentPeriod>?>(
            [new EmploymentPeriod(new DateOnly(2021, 1, 4), new DateOnly(2023, 6, 30), "Resigned"), new EmploymentPeriod(new DateOnly(2025, 2, 3))]),
        OriginalHireDate = new DateOnly(2021, 1, 4),
        CostCenter = new ExternalRef("netsuite", "dept:12"),
        Supervisor = new ExternalRef("bamboohr", "45"),
        TimeZone = "America/Chicago",
        BillingRole = "Senior Consultant",
        CostRates = Optional.Of<IReadOnlyList<CostRate>?>([new CostRate(new Money(85.5m, "USD"), new DateOnly(2025, 2, 3))]),
    };

    public static Customer Customer() => new()
    {
        Id = "cus-1", Refs = [new ExternalRef("salesforce", "001Dn00000AbCdEIAV")], Name = "Acme Corp", Currency = "USD", Active = true,
    };

    public static CostCenter CostCenter() => new() { Id = "cc-1", Refs = [new ExternalRef("netsuite", "dept:12")], Code = "CONS-US", Name = "Consulting US" };

    public static Project ProjectEntity() => new()
    {
        Id = "prj-1",
        Refs = [Project, new ExternalRef("jira", "ACME")],
        Name = "Acme ERP rollout",
        Customer = new ExternalRef("netsuite", "customer:501"),
        BillingType = BillingType.TimeAndMaterials,
        Currency = "USD",
        Status = ProjectStatus.Open,
        StartDate = new DateOnly(2026, 1, 1),
        EndDate = new DateOnly(2026, 12, 31),
        Rounding = new RoundingRule(15, RoundingMethod.Up, RoundingScope.PerLine),
        ApprovalRequired = true,
        AllowRateOverride = false,
        DailyHourLimits = new HourLimits(8, 12),
        ContractNumber = "SOW-2026-014",
        ContractValue = new Money(250000m, "USD"),
    };

    public static ProjectTask Task() => new() { Id = "tsk-1", Refs = [new ExternalRef("jira", "ACME-42")], Project = Project, Name = "Data migration", Billable = true };

    public static Assignment Assignment() => new()
    {
        Id = "asg-1", Worker = JiraWorker, Project = Project, Task = new ExternalRef("jira", "ACME-42"), Role = "Architect",
        StartDate = new DateOnly(2026, 1, 5), EndDate = new DateOnly(2026, 6, 30),
    };

    public static Milestone Milestone() => new()
    {
        Source = new ExternalRef("jira", "ACME-7"), Project = Project, Name = "Go-live", Amount = new Money(40000m, "USD"), CompletedOn = new DateOnly(2026, 5, 29),
    };

    public static TimeEntry TimeEntry() => new()
    {
        Source = new ExternalRef("jira", "10100"),
        Worker = JiraWorker,
        Project = new ExternalRef("jira", "ACME"),
        Task = new ExternalRef("jira", "ACME-42"),
        WorkDate = new DateOnly(2026, 3, 1),
        StartedAt = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(-6)),
        DurationSeconds = 3600,
        BillableSeconds = 3600,
        Type = TimeEntryType.Work,
        ApprovalStatus = ApprovalStatus.Approved,
        Description = "Cutover rehearsal",
        Role = "Architect",
        RateOverride = new Money(210m, "USD"),
    };

    public static ExpenseItem ExpenseItem() => new()
    {
        Source = new ExternalRef("netsuite", "expense:99"), Worker = JiraWorker, Project = Project, Task = new ExternalRef("jira", "ACME-42"),
        Date = new DateOnly(2026, 3, 2), Amount = new Money(412.3m, "USD"), Category = "Travel", Billable = true,
        ApprovalStatus = ApprovalStatus.Submitted, Description = "Flight ORD-SFO",
    };

    public static RateCard RateCard() => new()
    {
        Id = "acme-2026",
        Name = "Acme 2026",
        Scope = new RateCardScope(RateCardScopeKind.Customer, new ExternalRef("netsuite", "customer:501")),
        Currency = "USD",
        Versions =
        [
            new RateCardVersion
            {
                EffectiveFrom = new DateOnly(2026, 1, 1),
                EffectiveTo = new DateOnly(2026, 6, 30),
                Lines = [new RateCardLine { Rate = 150m }, new RateCardLine { Role = "Architect", Rate = 200m }, new RateCardLine { Worker = JiraWorker, Task = new ExternalRef("jira", "ACME-42"), Rate = 220m }],
            },
            new RateCardVersion { EffectiveFrom = new DateOnly(2026, 7, 1), Lines = [new RateCardLine { Rate = 160m }] },
        ],
    };

    public static BillingEvent BillingEvent() => new()
    {
        Source = new ExternalRef("servicessync", "time:ACME:2026-03-01"),
        Kind = BillingEventKind.Time,
        Project = Project,
        Customer = new ExternalRef("netsuite", "customer:501"),
        Date = new DateOnly(2026, 3, 1),
        Lines =
        [
            new BillingLine
            {
                Description = "Cutover rehearsal", Source = new ExternalRef("jira", "10100"), Worker = JiraWorker, Task = new ExternalRef("jira", "ACME-42"),
                WorkDate = new DateOnly(2026, 3, 1), RawHours = 0.9m, Hours = 1m, Rate = new Money(200m, "USD"), Amount = new Money(200m, "USD"),
            },
        ],
        Total = new Money(200m, "USD"),
        Description = "Time for March",
    };

    /// <summary>Every entity by its schema name.</summary>
    public static IReadOnlyDictionary<string, object> All() => new Dictionary<string, object>
    {
        [CanonicalEntities.Worker] = Worker(),
        [CanonicalEntities.Customer] = Customer(),
        [CanonicalEntities.CostCenter] = CostCenter(),
        [CanonicalEntities.Project] = ProjectEntity(),
        [CanonicalEntities.Task] = Task(),
        [CanonicalEntities.Assignment] = Assignment(),
        [CanonicalEntities.Milestone] = Milestone(),
        [CanonicalEntities.TimeEntry] = TimeEntry(),
        [CanonicalEntities.ExpenseItem] = ExpenseItem(),
        [CanonicalEntities.RateCard] = RateCard(),
        [CanonicalEntities.BillingEvent] = BillingEvent(),
    };
}
