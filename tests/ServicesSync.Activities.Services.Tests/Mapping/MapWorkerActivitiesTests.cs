using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Mapping;
using ServicesSync.Activities.Services.Workday;
using ServicesSync.Canonical;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Mapping;

/// <summary>HR sources → canonical worker: rehire periods, status, and missing fields left unknown.</summary>
public class MapWorkerActivitiesTests
{
    private static readonly DateTimeOffset April = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<JsonObject> RunAsync(IActivity activity, JsonNode source, JsonObject? inputs = null, DateTimeOffset? now = null)
    {
        var context = new TestActivityContext().ForActivity("map", ActivityDescriptorFactory.Create(activity.GetType()).Type).WithInput(source).WithInputs(inputs ?? []);
        context.Clock.SetUtcNow(now ?? April);
        return (await activity.RunAsync(context)).CompletedOn("done")!.AsObject();
    }

    private static JsonObject Fetched(string sample, params string[] fields)
    {
        var employee = TestSupport.SampleJson(sample).AsObject();
        var selected = new JsonObject();
        foreach (var field in fields.Where(employee.ContainsKey))
        {
            selected[field] = employee[field]?.DeepClone();
        }

        return new JsonObject { ["employeeId"] = (string?)employee["id"], ["fields"] = selected };
    }

    [Fact]
    public async Task BambooHr_RehiredEmployee_HasBothPeriodsAndTheMappedCustomFields()
    {
        var source = Fetched("bamboohr/employee-412.json", "firstName", "lastName", "workEmail", "jobTitle", "status", "employmentHistoryStatus",
            "hireDate", "originalHireDate", "terminationDate", "supervisorEId", "customCostCenter", "customTimeZone");
        var inputs = new JsonObject { ["fieldMap"] = new JsonObject { ["costCenter"] = "customCostCenter", ["timeZone"] = "customTimeZone" } };

        var worker = CanonicalJson.FromNode<Worker>(await RunAsync(new MapBambooHrWorkerActivity(), source, inputs), "worker");

        Assert.Equal([new ExternalRef("bamboohr", "412")], worker.Refs);
        Assert.Equal(("Ada", "Lovelace", "ada.lovelace@example.com"), (worker.GivenName.Value, worker.FamilyName.Value, worker.Email.Value));
        Assert.Equal((WorkerKind.Employee, WorkerStatus.Active), (worker.Kind.Value, worker.Status.Value));
        Assert.Equal([new EmploymentPeriod(new DateOnly(2021, 1, 4), new DateOnly(2023, 6, 30), "Terminated"), new EmploymentPeriod(new DateOnly(2026, 3, 16), null, "Rehired")], worker.EmploymentPeriods.Value);
        Assert.Equal(new DateOnly(2021, 1, 4), worker.OriginalHireDate.Value);
        Assert.Equal((new ExternalRef("bamboohr", "45"), new ExternalRef("bamboohr", "CONS-US"), "America/Chicago"), (worker.Supervisor.Value, worker.CostCenter.Value, worker.TimeZone.Value));
        Assert.False(worker.IsEmployedOn(new DateOnly(2025, 6, 1)));
        Assert.True(worker.IsEmployedOn(new DateOnly(2026, 3, 16)));
    }

    [Fact]
    public async Task BambooHr_FieldsNotReturned_AreLeftOutNotCleared()
    {
        var output = await RunAsync(new MapBambooHrWorkerActivity(), Fetched("bamboohr/employee-412.json", "firstName", "jobTitle"));

        Assert.Equal(["refs", "givenName", "jobTitle"], output.Select(p => p.Key));
    }

    [Fact]
    public async Task BambooHr_HireDateWithoutTerminationDate_LeavesEmploymentUnknown()
    {
        var worker = CanonicalJson.FromNode<Worker>(await RunAsync(new MapBambooHrWorkerActivity(), Fetched("bamboohr/employee-412.json", "hireDate")), "worker");

        Assert.False(worker.EmploymentPeriods.IsProvided);
        Assert.Null(worker.IsEmployedOn(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public async Task BambooHr_EmptyValuesAreKnownEmpty()
    {
        var source = new JsonObject { ["id"] = "9", ["supervisorEId"] = null, ["terminationDate"] = "0000-00-00", ["hireDate"] = "2025-01-06", ["workEmail"] = "" };

        var output = await RunAsync(new MapBambooHrWorkerActivity(), source);

        Assert.True(output.ContainsKey("supervisor") && output["supervisor"] is null);
        Assert.True(output.ContainsKey("email") && output["email"] is null);
        TestSupport.JsonEqual("""[{ "start": "2025-01-06" }]""", output["employmentPeriods"]);
    }

    [Fact]
    public async Task BambooHr_ActiveWithAFutureHireDate_IsPending()
    {
        var worker = CanonicalJson.FromNode<Worker>(
            await RunAsync(new MapBambooHrWorkerActivity(), Fetched("bamboohr/employee-412.json", "status", "hireDate", "terminationDate"), now: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)),
            "worker");

        Assert.Equal(WorkerStatus.Pending, worker.Status.Value);
    }

    [Fact]
    public async Task BambooHr_FieldBasedWebhookDisplayNames_AreRead()
    {
        var change = TestSupport.SampleJson("bamboohr/field-based.json")["employees"]![0]!.AsObject();
        var source = new JsonObject { ["employeeId"] = (string?)change["id"], ["fields"] = change["fields"]!.DeepClone() };

        var worker = CanonicalJson.FromNode<Worker>(await RunAsync(new MapBambooHrWorkerActivity(), source), "worker");

        Assert.Equal(("Grace", "Hopper", "Principal Consultant", "grace.hopper@example.com"), (worker.GivenName.Value, worker.FamilyName.Value, worker.JobTitle.Value, worker.Email.Value));
        Assert.False(worker.Status.IsProvided);
        Assert.False(worker.Supervisor.IsProvided);
    }

    [Theory]
    [InlineData("""{ "fieldMap": { "salary": "payRate" } }""", "input 'fieldMap' names 'salary', which is not a worker field")]
    [InlineData("""{ "fieldMap": { "timeZone": "customTimeZone" } }""", "'Chicago' is not a known IANA time zone")]
    public async Task BambooHr_BadConfigurationOrData_IsAClearError(string inputs, string message)
    {
        var source = new JsonObject { ["id"] = "9", ["customTimeZone"] = "Chicago" };

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => RunAsync(new MapBambooHrWorkerActivity(), source, JsonNode.Parse(inputs)!.AsObject()));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workday_RehiredEmployee_FromGetWorkers()
    {
        var page = WorkdayWorkersParser.Parse(TestSupport.Sample("workday/get-workers.xml"));

        var worker = CanonicalJson.FromNode<Worker>(await RunAsync(new MapWorkdayWorkerActivity(), page["workers"]![0]!.DeepClone()), "worker");

        Assert.Equal([new ExternalRef("workday", "21001")], worker.Refs);
        Assert.Equal((WorkerKind.Employee, WorkerStatus.Active), (worker.Kind.Value, worker.Status.Value));
        Assert.Equal([new EmploymentPeriod(new DateOnly(2019, 5, 6), new DateOnly(2024, 8, 30), "Terminated"), new EmploymentPeriod(new DateOnly(2026, 3, 16), null, "Rehired")], worker.EmploymentPeriods.Value);
        Assert.Equal((new ExternalRef("workday", "CC-41200"), new ExternalRef("workday", "21002")), (worker.CostCenter.Value, worker.Supervisor.Value));
        Assert.False(worker.TimeZone.IsProvided);
    }

    [Fact]
    public async Task Workday_TerminatedContractor_AndAWholePage()
    {
        var page = WorkdayWorkersParser.Parse(TestSupport.Sample("workday/get-workers.xml"));

        var output = await RunAsync(new MapWorkdayWorkerActivity(), page);

        var priya = CanonicalJson.FromNode<Worker>(output["workers"]![1], "worker");
        Assert.Equal((WorkerKind.Contractor, WorkerStatus.Terminated), (priya.Kind.Value, priya.Status.Value));
        Assert.Equal([new EmploymentPeriod(new DateOnly(2025, 9, 1), new DateOnly(2026, 2, 27), "Terminated")], priya.EmploymentPeriods.Value);
        Assert.False(priya.Email.IsProvided);
    }

    [Fact]
    public async Task Workday_RestSummary_LeavesStatusAndDatesUnknown()
    {
        var page = WorkdayWorkersParser.Parse(TestSupport.Sample("workday/rest-workers.json"));

        var output = await RunAsync(new MapWorkdayWorkerActivity(), page["workers"]![0]!.DeepClone());

        Assert.Equal(["refs", "displayName", "email", "jobTitle"], output.Select(p => p.Key));
    }
}
