using System.Text.Json.Serialization;

namespace ServicesSync.Activities;

/// <summary>
/// Everything the designer and the validator need to know about an activity type. Served as
/// JSON at <c>GET /api/v1/activity-types</c>; the designer's palette and property panels are
/// generated from it, so nothing about an activity is hard-coded in the browser.
/// </summary>
public sealed record ActivityDescriptor
{
    /// <summary>Stable type id, <c>family.camelCaseName</c>, e.g. <c>core.log</c>.</summary>
    public required string Type { get; init; }

    public int Version { get; init; } = 1;

    public required string Category { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = "";

    public bool IsTrigger { get; init; }

    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    /// <summary>Named exits of the activity; the first one is the default outcome.</summary>
    public IReadOnlyList<OutcomeDescriptor> Outcomes { get; init; } = [];

    /// <summary>Control-flow role the engine gives this activity beyond running it.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<FlowRole>))]
    public FlowRole Role { get; init; } = FlowRole.Task;

    [JsonIgnore]
    public string DefaultOutcome => Outcomes.Count > 0 ? Outcomes[0].Name : ActivityOutcomes.Done;

    public InputDescriptor? FindInput(string name)
    {
        foreach (var input in Inputs)
        {
            if (input.Name == name)
            {
                return input;
            }
        }

        return null;
    }

    public bool HasOutcome(string name)
    {
        foreach (var outcome in Outcomes)
        {
            if (outcome.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
