using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Json;

namespace ServicesSync.Triggers.Schedules;

/// <summary>Refuses, at validation and publish, a schedule whose cron, interval or time zone the scheduler could not use.</summary>
internal sealed class ScheduleTriggerValidator : IActivityNodeValidator
{
    public string ActivityType => TriggerTypes.Schedule;

    public IEnumerable<ActivityInputProblem> Validate(JsonObject inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var cron = Text(inputs["cron"]);
        TimeSpan? interval = null;
        if (Text(inputs["interval"]) is { } intervalText)
        {
            if (!Iso8601Duration.TryParse(intervalText, out var parsed))
            {
                // The generic input rules already report a malformed duration.
                return [];
            }

            interval = parsed;
        }

        ScheduleTiming.TryCreate(cron, interval, Text(inputs["timeZone"]), out _, out var problems);
        return problems.Select(p => new ActivityInputProblem(p.Input, p.Message));
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
