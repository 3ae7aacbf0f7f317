using ServicesSync.Activities;
using ServicesSync.Definitions;
using ServicesSync.Expressions;
using ServicesSync.Registry;

namespace ServicesSync.Validation;

/// <summary>
/// What every rule needs about one definition, worked out once: each activity's descriptor (null
/// when its type or version is unknown, so rules skip what they cannot judge instead of piling
/// up follow-on errors), the activity index by id, and the connections that join two real activities.
/// </summary>
internal sealed class ValidationContext
{
    private readonly Dictionary<string, int> indexById = new(StringComparer.Ordinal);
    private readonly ActivityDescriptor?[] descriptors;
    private readonly List<ValidationProblem> problems = [];

    public ValidationContext(WorkflowDefinition definition, IActivityRegistry registry, IReadOnlyDictionary<string, IExpressionEvaluator> evaluators)
    {
        Definition = definition;
        Registry = registry;
        Evaluators = evaluators;
        descriptors = new ActivityDescriptor?[definition.Activities.Count];
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var node = definition.Activities[i];
            indexById.TryAdd(node.Id, i);
            descriptors[i] = registry.TryFind(node.Type, node.TypeVersion, out var registration) ? registration.Descriptor : null;
        }

        Edges = BuildEdges();
    }

    public WorkflowDefinition Definition { get; }

    public IActivityRegistry Registry { get; }

    public IReadOnlyDictionary<string, IExpressionEvaluator> Evaluators { get; }

    public IReadOnlyList<ActivityNode> Activities => Definition.Activities;

    /// <summary>Connections whose both ends are activities of the definition (the first one of a duplicated id).</summary>
    public IReadOnlyList<Edge> Edges { get; }

    public IReadOnlyList<ValidationProblem> Problems => problems;

    public ActivityDescriptor? DescriptorOf(int activityIndex) => descriptors[activityIndex];

    public int? IndexOf(string id) => indexById.TryGetValue(id, out var index) ? index : null;

    public IEnumerable<string> ActivityIds => indexById.Keys;

    public bool IsTrigger(int activityIndex) => descriptors[activityIndex]?.IsTrigger == true;

    /// <summary>The outcome a connection follows: its own, or the source's only one when it names none.</summary>
    public static string? EffectiveOutcome(Connection connection, ActivityDescriptor? source)
        => connection.Outcome ?? (source is { Outcomes.Count: 1 } ? source.Outcomes[0].Name : null);

    /// <summary>"'post' (erp.postTimeEntry)" — how messages name an activity.</summary>
    public string Describe(int activityIndex) => $"'{Activities[activityIndex].Id}' ({Activities[activityIndex].Type})";

    public void Error(string code, string message, string path, string? activityId = null)
        => problems.Add(new ValidationProblem(code, message, path, activityId));

    public void Warning(string code, string message, string path, string? activityId = null)
        => problems.Add(new ValidationProblem(code, message, path, activityId, ProblemSeverity.Warning));

    private Edge[] BuildEdges()
    {
        var edges = new List<Edge>();
        for (var i = 0; i < Definition.Connections.Count; i++)
        {
            var connection = Definition.Connections[i];
            if (IndexOf(connection.From) is { } from && IndexOf(connection.To) is { } to)
            {
                edges.Add(new Edge(i, from, to, EffectiveOutcome(connection, descriptors[from])));
            }
        }

        return [.. edges];
    }
}

/// <summary>A connection between two activity indexes; <see cref="Outcome"/> is null when it cannot be told.</summary>
internal readonly record struct Edge(int ConnectionIndex, int From, int To, string? Outcome);
