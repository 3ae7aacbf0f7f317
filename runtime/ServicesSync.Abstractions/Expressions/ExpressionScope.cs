using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace ServicesSync.Expressions;

/// <summary>What an expression can see: the message, the variables and the run's identity.</summary>
public sealed class ExpressionScope
{
    public JsonNode? Input { get; init; }

    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = new Dictionary<string, JsonNode?>();

    public string WorkflowId { get; init; } = "";

    public string InstanceId { get; init; } = "";

    public string ActivityId { get; init; } = "";

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
