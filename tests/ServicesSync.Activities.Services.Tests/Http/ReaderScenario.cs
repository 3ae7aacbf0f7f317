using ServicesSync.Testing.Stubs;

namespace ServicesSync.Activities.Services.Tests.Http;

/// <summary>
/// One reader against its vendor stub: how to start the stub with data, how to connect to it
/// (with the right or a wrong secret), and one call that needs the vendor. The fault tests run
/// every scenario through the same refusals, throttling, outages and slowness.
/// </summary>
internal abstract class ReaderScenario : IAsyncDisposable
{
    public const string ConnectionId = "vendor";

    /// <summary>The stub's server, for faults and the requests it saw.</summary>
    public abstract StubServer Server { get; }

    /// <summary>Text the vendor call is named by in errors, e.g. the path it requests.</summary>
    public abstract string CallPath { get; }

    /// <summary>Starts the stub and adds connection <see cref="ConnectionId"/> to it.</summary>
    public abstract Task ArrangeAsync(ReaderHarness harness, bool validSecret = true);

    /// <summary>Runs the reader with inputs that need one call to the vendor.</summary>
    public abstract Task<ActivityResult> RunAsync(ReaderHarness harness);

    public abstract ValueTask DisposeAsync();

    public static ReaderScenario Create(string name) => name switch
    {
        "bamboohr.getEmployee" => new BambooHrGetEmployeeScenario(),
        "bamboohr.changedEmployees" => new BambooHrChangedScenario(),
        "workday.getWorkers/rest" => new WorkdayScenario(soap: false),
        "workday.getWorkers/soap" => new WorkdayScenario(soap: true),
        "jira.worklogEvent" => new JiraWorklogScenario(),
        "tempo.approval" => new TempoApprovalScenario(),
        "salesforce.opportunity" => new SalesforceOpportunityScenario(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such reader scenario."),
    };

    public static TheoryData<string> All() =>
    [
        "bamboohr.getEmployee", "bamboohr.changedEmployees", "workday.getWorkers/rest", "workday.getWorkers/soap",
        "jira.worklogEvent", "tempo.approval", "salesforce.opportunity",
    ];
}
