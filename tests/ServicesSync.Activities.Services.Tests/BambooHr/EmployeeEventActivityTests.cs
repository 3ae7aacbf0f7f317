using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using ServicesSync.Activities.Services.BambooHr;
using ServicesSync.Activities.Services.Secrets;
using ServicesSync.Errors;
using ServicesSync.Persistence;
using ServicesSync.Testing.Activities;
using ServicesSync.Webhooks;

namespace ServicesSync.Activities.Services.Tests.BambooHr;

public class EmployeeEventActivityTests
{
    private const string Key = "c0ffee-private-key-from-bamboohr";
    private const string KeyName = "bamboohr-webhook";
    private static readonly WebhookSecrets Secrets = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [$"{WebhookSecrets.Section}:{KeyName}"] = Key })
        .Build());

    private readonly IWorkflowStore store = TestSupport.NewStore();

    private static JsonObject Event(string type, string employeeId, string timestamp)
        => new() { ["type"] = type, ["timestamp"] = timestamp, ["data"] = new JsonObject { ["companyId"] = "48213", ["employeeId"] = employeeId } };

    private async Task<string> RouteAsync(JsonNode payload, TimeSpan? window = null)
    {
        var context = new TestActivityContext().ForActivity<EmployeeEventActivity>("hr").WithInput(payload);
        if (window is { } w)
        {
            context.WithInputValue("collapseWindow", System.Xml.XmlConvert.ToString(w));
        }

        var completed = Assert.IsType<CompletedResult>(await new EmployeeEventActivity(store, Secrets).RunAsync(context));
        return Assert.Single(completed.OutcomeNames);
    }

    [Fact]
    public async Task CreatedThenUpdated_CollapseIntoOneHire()
    {
        Assert.Equal("hire", await RouteAsync(TestSupport.SampleJson("bamboohr/event-created.json")));
        Assert.Equal("collapsed", await RouteAsync(TestSupport.SampleJson("bamboohr/event-updated.json")));
    }

    [Fact]
    public async Task UpdatedArrivingBeforeCreated_IsTheHireAndCreatedIsCollapsed()
    {
        Assert.Equal("hire", await RouteAsync(TestSupport.SampleJson("bamboohr/event-updated.json")));
        Assert.Equal("collapsed", await RouteAsync(TestSupport.SampleJson("bamboohr/event-created.json")));
    }

    [Fact]
    public async Task CreatedDeliveredTwice_IsOneHire()
    {
        Assert.Equal("hire", await RouteAsync(TestSupport.SampleJson("bamboohr/event-created.json")));
        Assert.Equal("collapsed", await RouteAsync(TestSupport.SampleJson("bamboohr/event-created.json")));
    }

    [Fact]
    public async Task UpdateAfterTheCollapseWindow_IsAnUpdate()
    {
        Assert.Equal("hire", await RouteAsync(Event("employee.created", "500", "2026-03-02T14:00:00+0000")));
        Assert.Equal("collapsed", await RouteAsync(Event("employee.updated", "500", "2026-03-02T14:09:59+0000")));
        Assert.Equal("update", await RouteAsync(Event("employee.updated", "500", "2026-03-02T14:10:01+0000")));
    }

    [Fact]
    public async Task CollapseWindow_IsAnInput()
    {
        Assert.Equal("hire", await RouteAsync(Event("employee.created", "501", "2026-03-02T14:00:00+0000")));
        Assert.Equal("update", await RouteAsync(Event("employee.updated", "501", "2026-03-02T14:00:31+0000"), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task AnEmployeeAlreadyLinked_IsNeverHiredAgain()
    {
        await store.LinkCrossReferenceAsync(new CrossReferenceRecord("worker", "wrk-9", "bamboohr", "600", DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Equal("update", await RouteAsync(Event("employee.updated", "600", "2026-03-02T14:00:00+0000")));
        Assert.Equal("collapsed", await RouteAsync(Event("employee.created", "600", "2026-03-02T14:00:01+0000")));
    }

    [Fact]
    public async Task HireLinkedBeforeTheFollowUpUpdateArrives_UpdateInsideTheWindowIsStillCollapsed()
    {
        Assert.Equal("hire", await RouteAsync(Event("employee.created", "650", "2026-03-02T14:00:00+0000")));
        // The hire path finished and linked the worker before BambooHR's updated came in.
        await store.LinkCrossReferenceAsync(new CrossReferenceRecord("worker", "wrk-650", "bamboohr", "650", DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Equal("collapsed", await RouteAsync(Event("employee.updated", "650", "2026-03-02T14:00:02+0000")));
        Assert.Equal("update", await RouteAsync(Event("employee.updated", "650", "2026-03-02T14:10:01+0000")));
    }

    [Fact]
    public async Task AnEmployeeLinkedWithoutAHire_HasEveryUpdateRoutedAsAnUpdate()
    {
        await store.LinkCrossReferenceAsync(new CrossReferenceRecord("worker", "wrk-8", "bamboohr", "660", DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Equal("update", await RouteAsync(Event("employee.updated", "660", "2026-03-02T14:00:00+0000")));
        Assert.Equal("update", await RouteAsync(Event("employee.updated", "660", "2026-03-02T14:00:05+0000")));
    }

    [Fact]
    public async Task TwoRunsAtOnce_HireOnlyOnce()
    {
        var outcomes = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => Task.Run(() => RouteAsync(Event(i % 2 == 0 ? "employee.created" : "employee.updated", "700", "2026-03-02T14:00:00+0000")))));

        Assert.Equal(1, outcomes.Count(o => o == "hire"));
        Assert.Equal(7, outcomes.Count(o => o == "collapsed"));
    }

    [Fact]
    public async Task Deleted_GoesToDelete()
        => Assert.Equal("delete", await RouteAsync(Event("employee.deleted", "412", "2026-03-02T14:00:00+0000")));

    [Fact]
    public async Task FieldBasedPayloadWithSeveralEmployees_IsABatchOfNormalizedEvents()
    {
        var context = new TestActivityContext().ForActivity<EmployeeEventActivity>("hr").WithInput(TestSupport.SampleJson("bamboohr/field-based.json"));

        var output = (await new EmployeeEventActivity(store, Secrets).RunAsync(context)).CompletedOn("batch")!;

        var events = output["events"]!.AsArray();
        Assert.Equal(["377", "413"], events.Select(e => (string?)e!["employeeId"]));
        Assert.Equal("hire", await RouteAsync(events[1]!.DeepClone()));
    }

    [Fact]
    public async Task Output_IsTheNormalizedEvent()
    {
        var context = new TestActivityContext().ForActivity<EmployeeEventActivity>("hr").WithInput(TestSupport.SampleJson("bamboohr/event-updated.json"));

        var output = (await new EmployeeEventActivity(store, Secrets).RunAsync(context)).CompletedOn("hire");

        TestSupport.JsonEqual(
            """
            { "format": "event", "kind": "updated", "employeeId": "412", "companyId": "48213", "occurredAt": "2026-03-02T14:05:13+00:00",
              "changedFields": ["firstName", "lastName", "hireDate", "jobTitle", "supervisorEId"] }
            """,
            output);
    }

    [Fact]
    public async Task WithAPrivateKey_AGenuineSignedRequestPasses()
    {
        var body = TestSupport.Sample("bamboohr/event-created.json");
        var context = new TestActivityContext().ForActivity<EmployeeEventActivity>("hr");
        var timestamp = context.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.WithInputs(new JsonObject
        {
            ["rawBody"] = body,
            ["privateKey"] = KeyName,
            ["timestamp"] = timestamp,
            ["signature"] = WebhookSignatures.HmacSha256Hex(Key, body + timestamp),
        });

        (await new EmployeeEventActivity(store, Secrets).RunAsync(context)).CompletedOn("hire");
    }

    [Fact]
    public async Task WithAPrivateKey_AForgedRequestFailsWithoutRouting()
    {
        var body = TestSupport.Sample("bamboohr/event-created.json");
        var context = new TestActivityContext().ForActivity<EmployeeEventActivity>("hr");
        var timestamp = context.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.WithInputs(new JsonObject
        {
            ["rawBody"] = body,
            ["privateKey"] = KeyName,
            ["timestamp"] = timestamp,
            ["signature"] = WebhookSignatures.HmacSha256Hex("guessed", body + timestamp),
        });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new EmployeeEventActivity(store, Secrets).RunAsync(context));

        Assert.Equal((ErrorKind.Validation, false), (ex.Kind, ex.Retryable));
        Assert.Equal("Activity 'hr' (bamboohr.employeeEvent): the webhook is not authentic: the signature does not match the body (wrong private key, or the body was changed).", ex.Message);
        Assert.Null(await store.FindCrossReferenceAsync(HireCollapser.ClaimEntityType, "bamboohr", "48213/412", CancellationToken.None));
    }

    [Fact]
    public async Task WithAPrivateKey_TheRawBodyIsRequired()
    {
        var context = new TestActivityContext().ForActivity<EmployeeEventActivity>("hr")
            .WithInput(TestSupport.SampleJson("bamboohr/event-created.json"))
            .WithInputs(new JsonObject { ["privateKey"] = KeyName, ["signature"] = "00", ["timestamp"] = "1" });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new EmployeeEventActivity(store, Secrets).RunAsync(context));

        Assert.Equal("Activity 'hr' (bamboohr.employeeEvent): input 'rawBody' is required to verify the signature: pass the request body exactly as received.", ex.Message);
    }

    [Theory]
    [InlineData("c0ffee/private+key==")]
    [InlineData("a key pasted with spaces")]
    public async Task PrivateKeyThatIsNotAName_IsRefusedWithoutEchoingIt(string pasted)
    {
        var context = new TestActivityContext().ForActivity<EmployeeEventActivity>("hr")
            .WithInputs(new JsonObject { ["rawBody"] = "{}", ["privateKey"] = pasted, ["signature"] = "00", ["timestamp"] = "1" });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new EmployeeEventActivity(store, Secrets).RunAsync(context));

        Assert.Equal("Activity 'hr' (bamboohr.employeeEvent): input 'privateKey' must be the NAME of a configured secret (letters, digits, - and _, at most 64), never the key itself.", ex.Message);
        Assert.DoesNotContain(pasted, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateKeyNameNotConfigured_IsAConfigurationError()
    {
        var context = new TestActivityContext().ForActivity<EmployeeEventActivity>("hr")
            .WithInputs(new JsonObject { ["rawBody"] = "{}", ["privateKey"] = "missing-secret", ["signature"] = "00", ["timestamp"] = "1" });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new EmployeeEventActivity(store, Secrets).RunAsync(context));

        Assert.Equal(ErrorKind.Configuration, ex.Kind);
        Assert.StartsWith("Activity 'hr' (bamboohr.employeeEvent): the secret named by input 'privateKey' is not configured", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptor_PrivateKeyIsASecretReference()
    {
        var descriptor = ActivityDescriptorFactory.Create<EmployeeEventActivity>();

        Assert.Equal(("secret", false), (descriptor.FindInput("privateKey")!.Editor, descriptor.FindInput("privateKey")!.ExpressionCapable));
        Assert.Equal(["hire", "update", "delete", "collapsed", "batch"], descriptor.Outcomes.Select(o => o.Name));
    }
}
