using System.Text.Json.Nodes;
using ServicesSync.Definitions;

namespace ServicesSync.Runtime.Tests.Execution;

/// <summary>Builds definitions tersely for engine tests.</summary>
internal sealed class FlowBuilder(string id)
{
    private readonly List<ActivityNode> activities = [];
    private readonly List<Connection> connections = [];
    private JsonObject variables = [];

    public static FlowBuilder Create(string id = "wf") => new FlowBuilder(id).Add("start", "core.manual");

    public FlowBuilder Add(string activityId, string type, JsonObject? inputs = null, RetryPolicySpec? retry = null, TimeSpan? timeout = null)
    {
        activities.Add(new ActivityNode { Id = activityId, Type = type, Inputs = inputs ?? [], Retry = retry, Timeout = timeout });
        return this;
    }

    public FlowBuilder Connect(string from, string to, string? outcome = null)
    {
        connections.Add(new Connection { From = from, To = to, Outcome = outcome });
        return this;
    }

    /// <summary>Connects each activity to the next, in the order given.</summary>
    public FlowBuilder Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            Connect(ids[i - 1], ids[i]);
        }

        return this;
    }

    public FlowBuilder Variables(JsonObject values)
    {
        variables = values;
        return this;
    }

    public WorkflowDefinition Build() => new()
    {
        Id = id,
        Name = id,
        Variables = variables,
        Activities = [.. activities],
        Connections = [.. connections],
    };
}
