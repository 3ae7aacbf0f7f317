using System.Text.Json.Nodes;

namespace ServicesSync.Definitions;

/// <summary>
/// A workflow as saved and exchanged (schemaVersion 1): a directed graph of activity nodes
/// joined by connections from named outcomes. Drafts have <see cref="Version"/> 0; publishing
/// freezes an immutable copy with the next version number.
/// </summary>
public sealed record WorkflowDefinition
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string Id { get; init; }

    public int Version { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Initial values of the workflow variables (<c>vars</c> in expressions).</summary>
    public JsonObject Variables { get; init; } = [];

    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    public IReadOnlyList<Connection> Connections { get; init; } = [];

    /// <summary>Designer positions keyed by activity id; opaque to the engine.</summary>
    public JsonObject? Layout { get; init; }

    public ActivityNode? FindActivity(string id)
    {
        foreach (var activity in Activities)
        {
            if (activity.Id == id)
            {
                return activity;
            }
        }

        return null;
    }
}
