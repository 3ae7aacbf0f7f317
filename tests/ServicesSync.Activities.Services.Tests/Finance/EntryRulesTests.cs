using ServicesSync.Activities.Services.Finance;
using ServicesSync.Canonical;
using static ServicesSync.Activities.Services.Tests.Finance.FinanceMother;

namespace ServicesSync.Activities.Services.Tests.Finance;

/// <summary>Approval, employment (termination, rehire), assignment and the project's own dates and status.</summary>
public class EntryRulesTests
{
    // Terminated on Friday 13 March 2026, rehired on Monday 6 April 2026.
    private static readonly Worker Rehired = Worker(new EmploymentPeriod(new DateOnly(2021, 1, 4), Day(3, 13), "Resigned"), new EmploymentPeriod(Day(4, 6)));

    private static RateCardValidationResult ForRehired(TimeEntry entry) => Validate(entry, r => r with { Workers = [Rehired] });

    [Fact]
    public void Approval_RequiredAndOnlySubmitted_IsAnError()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600, e => e with { ApprovalStatus = ApprovalStatus.Submitted }));

        var error = Assert.Single(result.Errors);
        Assert.Equal((RateCardRules.Approval, "Project 'Acme ERP rollout' bills approved time only; the entry is submitted."), (error.Rule, error.Message));
    }

    [Fact]
    public void Approval_NotRequired_AcceptsDraftsButNeverRejections()
    {
        var open = (Func<RateCardValidationRequest, RateCardValidationRequest>)(r => r with { Project = Project(p => p with { ApprovalRequired = false }) });

        Assert.True(Validate(Entry("1", Day(3, 2), 3600, e => e with { ApprovalStatus = ApprovalStatus.Draft }), open).IsValid);
        Assert.Equal([RateCardRules.Approval], Validate(Entry("2", Day(3, 2), 3600, e => e with { ApprovalStatus = ApprovalStatus.Rejected }), open).ErrorRules());
    }

    [Fact]
    public void Employment_TimeAfterTermination_IsAnError()
    {
        var result = ForRehired(Entry("1", Day(3, 16), 3600));

        var error = Assert.Single(result.Errors);
        Assert.Equal(RateCardRules.WorkerEmployed, error.Rule);
        Assert.Equal("Worker jira:ada was not employed on 2026-03-16 (employed 2021-01-04 to 2026-03-13, 2026-04-06 to now).", error.Message);
    }

    [Fact]
    public void Employment_LastDayBeforeTerminationAndAfterRehire_AreValid()
    {
        Assert.True(ForRehired(Entry("1", Day(3, 13), 3600)).IsValid);
        Assert.True(ForRehired(Entry("2", Day(4, 6), 3600)).IsValid);
        Assert.False(ForRehired(Entry("3", Day(4, 3), 3600)).IsValid);
    }

    [Fact]
    public void Employment_UnknownWorker_IsAnError()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600, e => e with { Worker = new ExternalRef("jira", "mallory") }));

        Assert.Contains(result.Errors, e => e.Rule == RateCardRules.WorkerUnknown && e.Message == "Worker jira:mallory is not among the known workers.");
    }

    [Fact]
    public void Employment_UnknownPeriods_IsAWarningNotAnError()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { Workers = [new Worker { Refs = [Ada], BillingRole = "Consultant" }] });

        Assert.True(result.IsValid);
        Assert.Equal([RateCardRules.WorkerEmployed], result.WarningRules());
    }

    [Fact]
    public void Employment_NoWorkersGiven_IsNotCheckedAndSaysSo()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600, e => e with { Role = "Consultant" }), r => r with { Workers = null });

        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, w => w.Message == "No workers were given: employment on the work date was not checked.");
    }

    [Fact]
    public void Assignment_Missing_IsAnError()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { Assignments = [] });

        Assert.Equal("Worker jira:ada is not assigned to project 'Acme ERP rollout' on 2026-03-02: it has no assignment on this project.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Assignment_EndedBeforeTheWorkDate_IsAnError()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { Assignments = [Assignment(Day(1, 1), Day(2, 28))] });

        Assert.Equal("Worker jira:ada is not assigned to project 'Acme ERP rollout' on 2026-03-02: its assignments run 2026-01-01 to 2026-02-28.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Assignment_ToAnotherTask_DoesNotCover()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { Assignments = [Assignment(task: new ExternalRef("jira", "ACME-7"))] });

        Assert.Equal([RateCardRules.WorkerAssigned], result.ErrorRules());
    }

    [Fact]
    public void Assignment_NotGiven_IsNotCheckedAndSaysSo()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { Assignments = null });

        Assert.True(result.IsValid);
        Assert.Equal([RateCardRules.WorkerAssigned], result.WarningRules());
    }

    [Theory]
    [InlineData(ProjectStatus.Closed, "closed")]
    [InlineData(ProjectStatus.OnHold, "on hold")]
    [InlineData(ProjectStatus.Planned, "planned, not open yet")]
    public void ProjectOpen_NotOpen_IsAnError(ProjectStatus status, string said)
    {
        var result = Validate(Entry("1", Day(3, 2), 3600), r => r with { Project = Project(p => p with { Status = status }) });

        Assert.Equal($"Project 'Acme ERP rollout' is not open on 2026-03-02: it is {said}.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void ProjectOpen_BeforeStartOrAfterEnd_IsAnError()
    {
        var dated = (Func<RateCardValidationRequest, RateCardValidationRequest>)(r => r with { Project = Project(p => p with { StartDate = Day(2, 1), EndDate = Day(5, 31) }) });

        Assert.Contains(Validate(Entry("1", Day(1, 30), 3600), dated).Errors, e => e.Message == "Project 'Acme ERP rollout' is not open on 2026-01-30: it starts on 2026-02-01.");
        Assert.Contains(Validate(Entry("2", Day(6, 1), 3600), dated).Errors, e => e.Message == "Project 'Acme ERP rollout' is not open on 2026-06-01: it ended on 2026-05-31.");
        Assert.True(Validate(Entry("3", Day(5, 31), 3600), dated).IsValid);
    }

    [Fact]
    public void ProjectMismatch_IsAnError()
    {
        var result = Validate(Entry("1", Day(3, 2), 3600, e => e with { Project = new ExternalRef("jira", "OTHER") }));

        Assert.Contains(result.Errors, e => e.Rule == RateCardRules.ProjectMismatch && e.Message == "The entry is for project jira:OTHER, not 'Acme ERP rollout'.");
    }

    [Fact]
    public void EveryFailingRule_IsReportedAtOnce()
    {
        var entry = Entry("1", Day(3, 16), 3600, e => e with { ApprovalStatus = ApprovalStatus.Submitted, BillableSeconds = 4000 });

        var result = Validate(entry, r => r with { Workers = [Rehired], Assignments = [] });

        Assert.Equal([RateCardRules.Billable, RateCardRules.Approval, RateCardRules.WorkerEmployed, RateCardRules.WorkerAssigned], result.ErrorRules());
    }
}
