using System.Text.Json.Nodes;
using ServicesSync.Designer.Design.Pinning;

namespace ServicesSync.Designer.Design.TestRuns;

/// <summary>
/// A test run of an unpublished definition: <c>{definition, input, pins, trigger, wait}</c>.
/// <c>pins</c> maps activity ids to <c>{output, outcome}</c>.
/// </summary>
internal sealed record TestRunRequest(JsonNode Definition, JsonNode? Input, IReadOnlyDictionary<string, Pin> Pins, string? Trigger, int? Wait)
{
    /// <summary>Reads the body; a message naming the first wrong field when it has the wrong shape.</summary>
    public static (TestRunRequest? Request, string? Error) Parse(JsonNode? body)
    {
        if (body is not JsonObject root)
        {
            return (null, "The body must be an object: {\"definition\": {…}, \"input\": …, \"pins\": {…}}.");
        }

        // A misspelt "pins" would otherwise run the real activities the caller meant to stand in
        // for, against real systems.
        if (Unknown(root, "definition", "input", "pins", "trigger", "wait") is { } unknown)
        {
            return (null, $"The body has an unknown property '{unknown}'; it takes 'definition', 'input', 'pins', 'trigger' and 'wait'.");
        }

        if (root["definition"] is not JsonObject definition)
        {
            return (null, "'definition' is required and must be a workflow definition object.");
        }

        var pins = new Dictionary<string, Pin>(StringComparer.Ordinal);
        if (root["pins"] is { } pinsNode)
        {
            if (pinsNode is not JsonObject pinObject)
            {
                return (null, "'pins' must be an object keyed by activity id, such as {\"map\": {\"output\": {…}}}.");
            }

            foreach (var (activityId, value) in pinObject)
            {
                if (value is not JsonObject pin)
                {
                    return (null, $"'pins.{activityId}' must be an object with 'output' and optionally 'outcome'.");
                }

                if (Unknown(pin, "output", "outcome") is { } unknownField)
                {
                    return (null, $"'pins.{activityId}' has an unknown property '{unknownField}'; a pin takes 'output' and 'outcome'.");
                }

                string? outcome = null;
                if (pin["outcome"] is { } outcomeNode && (outcomeNode is not JsonValue outcomeValue || !outcomeValue.TryGetValue(out outcome)))
                {
                    return (null, $"'pins.{activityId}.outcome' must be a string naming one of the activity's outcomes.");
                }

                pins[activityId] = new Pin(pin["output"]?.DeepClone(), outcome);
            }
        }

        string? trigger = null;
        if (root["trigger"] is { } triggerNode && (triggerNode is not JsonValue triggerValue || !triggerValue.TryGetValue(out trigger)))
        {
            return (null, "'trigger' must be the id of a trigger activity.");
        }

        int? wait = null;
        if (root["wait"] is { } waitNode)
        {
            if (waitNode is not JsonValue waitValue || !waitValue.TryGetValue<int>(out var seconds) || seconds < 0)
            {
                return (null, "'wait' must be a whole number of seconds.");
            }

            wait = seconds;
        }

        return (new TestRunRequest(definition, root["input"]?.DeepClone(), pins, trigger, wait), null);
    }

    private static string? Unknown(JsonObject node, params string[] known)
        => node.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal));
}
