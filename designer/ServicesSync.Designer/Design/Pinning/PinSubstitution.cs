using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Errors;
using ServicesSync.Registry;

namespace ServicesSync.Designer.Design.Pinning;

/// <summary>
/// Rewrites a definition for a test run with pinned outputs. Each pinned node keeps its id and
/// position but becomes a <see cref="PinnedOutputActivity"/>; of its outgoing connections only
/// those from the pinned outcome remain (now from the stand-in's single outcome), so the run
/// continues exactly where the real activity would have sent that output.
/// </summary>
internal static class PinSubstitution
{
    public static WorkflowDefinition Apply(WorkflowDefinition definition, IReadOnlyDictionary<string, Pin> pins, IActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(pins);
        if (pins.Count == 0)
        {
            return definition;
        }

        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        var activities = definition.Activities.ToList();
        foreach (var (activityId, pin) in pins)
        {
            var index = activities.FindIndex(a => a.Id == activityId);
            if (index < 0)
            {
                throw Invalid($"The pinned activity '{activityId}' is not in the workflow.");
            }

            var node = activities[index];
            if (!registry.TryFind(node.Type, node.TypeVersion, out var registration))
            {
                throw Invalid($"The pinned activity '{activityId}' has the unknown type '{node.Type}'.");
            }

            var descriptor = registration.Descriptor;
            if (descriptor.IsTrigger)
            {
                throw Invalid($"'{activityId}' is a trigger: its output is the test payload, so change the payload instead of pinning it.");
            }

            var outcome = pin.Outcome ?? descriptor.DefaultOutcome;
            if (!descriptor.HasOutcome(outcome))
            {
                throw Invalid(
                    $"The pinned activity '{activityId}' ({node.Type}) has no outcome '{outcome}'; its outcomes are {string.Join(", ", descriptor.Outcomes.Select(o => o.Name))}.");
            }

            outcomes[activityId] = outcome;
            activities[index] = new ActivityNode
            {
                Id = node.Id,
                Type = PinnedOutputActivity.TypeId,
                DisplayName = node.DisplayName,
                Inputs = new JsonObject { ["value"] = new JsonArray(pin.Output?.DeepClone()) },
            };
        }

        var connections = new List<Connection>(definition.Connections.Count);
        foreach (var connection in definition.Connections)
        {
            if (!outcomes.TryGetValue(connection.From, out var pinnedOutcome))
            {
                connections.Add(connection);
                continue;
            }

            var source = definition.FindActivity(connection.From)!;
            registry.TryFind(source.Type, source.TypeVersion, out var sourceRegistration);
            var from = connection.Outcome ?? sourceRegistration!.Descriptor.DefaultOutcome;
            if (from == pinnedOutcome)
            {
                connections.Add(connection with { Outcome = null });
            }
        }

        return definition with { Activities = activities, Connections = connections };
    }

    private static ServicesSyncException Invalid(string message) => new(message, ErrorKind.Validation);
}
