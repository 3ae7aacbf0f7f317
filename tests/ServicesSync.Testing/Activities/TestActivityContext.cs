using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ServicesSync.Activities;

namespace ServicesSync.Testing.Activities;

/// <summary>
/// Builds <see cref="ActivityContext"/>s for tests of single activities. The clock, the logger
/// and the idempotency service are shared by every context built from one builder, so a test
/// can run an activity twice (a retry, a resume) and observe both runs.
/// </summary>
public sealed class TestActivityContext
{
    private readonly Dictionary<string, JsonNode?> variables = new(StringComparer.Ordinal);
    private JsonNode? input;
    private JsonObject inputs = [];
    private string workflowId = "test-workflow";
    private string instanceId = "instance-1";
    private string activityId = "activity-1";
    private string activityType = "test.activity";
    private string scope = "";
    private int attempt = 1;
    private CancellationToken cancellationToken;

    /// <summary>Starts at 2026-01-05 09:00 UTC (a Monday); advance it to fire timeouts.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public CapturingLogger Logger { get; } = new();

    public InMemoryIdempotencyService Idempotency { get; } = new();

    /// <summary>Sets the id and the type id from the activity class's descriptor.</summary>
    public TestActivityContext ForActivity<TActivity>(string id = "activity-1")
        where TActivity : IActivity
        => ForActivity(id, ActivityDescriptorFactory.Create<TActivity>().Type);

    public TestActivityContext ForActivity(string id, string type)
    {
        activityId = id;
        activityType = type;
        return this;
    }

    public TestActivityContext ForInstance(string workflow, string instance)
    {
        workflowId = workflow;
        instanceId = instance;
        return this;
    }

    /// <summary>The message arriving on the incoming connection.</summary>
    public TestActivityContext WithInput(JsonNode? message)
    {
        input = message;
        return this;
    }

    /// <summary>The node's inputs, already evaluated, as the engine would pass them.</summary>
    public TestActivityContext WithInputs(JsonObject values)
    {
        inputs = values;
        return this;
    }

    /// <summary>Adds or replaces one input.</summary>
    public TestActivityContext WithInputValue(string name, JsonNode? value)
    {
        inputs[name] = value;
        return this;
    }

    public TestActivityContext WithVariable(string name, JsonNode? value)
    {
        variables[name] = value;
        return this;
    }

    public TestActivityContext WithScope(string value)
    {
        scope = value;
        return this;
    }

    public TestActivityContext WithAttempt(int value)
    {
        attempt = value;
        return this;
    }

    public TestActivityContext WithCancellation(CancellationToken token)
    {
        cancellationToken = token;
        return this;
    }

    /// <summary>A fresh context; messages and inputs are copied so activities cannot change the builder's.</summary>
    public ActivityContext Build() => new()
    {
        WorkflowId = workflowId,
        WorkflowVersion = 1,
        InstanceId = instanceId,
        ActivityId = activityId,
        ActivityType = activityType,
        Scope = scope,
        Attempt = attempt,
        Input = input?.DeepClone(),
        Inputs = inputs.DeepClone().AsObject(),
        Variables = variables.ToDictionary(pair => pair.Key, pair => pair.Value?.DeepClone(), StringComparer.Ordinal),
        Clock = Clock,
        Logger = Logger,
        Idempotency = Idempotency,
        CancellationToken = cancellationToken,
    };
}
