using System.Text.Json.Nodes;
using ServicesSync.Expressions;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>
/// Design-time checks of the map activities' literal settings: time zones must be IANA names
/// known to this runtime, and a BambooHR field map may only name worker fields.
/// </summary>
internal sealed class MappingNodeValidator(string activityType) : IActivityNodeValidator
{
    public string ActivityType => activityType;

    public IEnumerable<ActivityInputProblem> Validate(JsonObject inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs["timeZone"] is JsonValue zone && zone.TryGetValue<string>(out var name) && name.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(name, out _))
        {
            yield return new ActivityInputProblem("timeZone", $"'{name}' is not a known IANA time zone such as America/Chicago or Europe/Berlin.");
        }

        if (inputs["fieldMap"] is JsonObject map && !Expression.IsExpression(map))
        {
            foreach (var (field, _) in map.Where(p => !BambooHrWorkerMapper.LogicalNames.Contains(p.Key)))
            {
                yield return new ActivityInputProblem("fieldMap", $"'{field}' is not a worker field; use one of {string.Join(", ", BambooHrWorkerMapper.LogicalNames)}.");
            }
        }
    }
}
