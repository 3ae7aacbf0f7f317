using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Host.Common;
using ServicesSync.Host.Run;
using ServicesSync.Persistence;
using ServicesSync.Persistence.InMemory;

namespace ServicesSync.Host.Tests.Cli;

/// <summary>
/// How <c>run</c> reports an instance that waits on a bookmark. No core activity suspends on its
/// own yet, so the suspended instance is written to the store directly.
/// </summary>
public sealed class RunOutcomeTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SuspendedRun_SaysWhatItWaitsFor_AndExits3()
    {
        await using var services = new ServiceCollection().AddInMemoryStore().BuildServiceProvider();
        var store = services.GetRequiredService<IWorkflowStore>();
        var instance = new WorkflowInstance
        {
            Id = "i-1",
            WorkflowId = "approval",
            WorkflowVersion = 0,
            Status = InstanceStatus.Suspended,
            CreatedAt = Now,
            UpdatedAt = Now,
            TriggerActivityId = "start",
        };
        var bookmark = new BookmarkRecord
        {
            Id = "b-1",
            InstanceId = "i-1",
            ActivityId = "approve",
            Name = "timesheet.approved",
            CorrelationKey = "TS-42",
            CreatedAt = Now,
        };
        await store.CommitAsync([new InstanceCommit(instance, [], [], [bookmark], [])], CancellationToken.None);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RunOutcome.ReportAsync(
            services, instance, new RunSettings("approval.json", null, null, "/srv/data", null, false), output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.RunSuspended, exitCode);
        Assert.Equal("", output.ToString());
        Assert.Equal(
            "Run suspended: instance i-1 waits on event 'timesheet.approved' with correlation key 'TS-42' (activity 'approve', bookmark b-1). "
            + "It resumes under 'servicessync serve --data /srv/data'.",
            error.ToString().Trim());
    }

    [Fact]
    public void DescribeBookmark_Timer_NamesTheTimeInUtc()
    {
        var bookmark = new BookmarkRecord
        {
            Id = "b-2",
            InstanceId = "i-2",
            ActivityId = "delay",
            Name = "timer",
            ResumeAt = new DateTimeOffset(2026, 5, 1, 10, 30, 0, TimeSpan.FromHours(2)),
            CreatedAt = Now,
        };

        Assert.Equal("a timer until 2026-05-01T08:30:00Z (activity 'delay', bookmark b-2)", RunOutcome.DescribeBookmark(bookmark));
    }
}
