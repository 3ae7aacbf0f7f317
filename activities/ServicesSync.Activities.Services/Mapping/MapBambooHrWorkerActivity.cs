using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>Maps a BambooHR employee to a canonical worker, leaving every field BambooHR did not send unknown.</summary>
[Activity(
    ServicesActivityTypes.MapBambooHrWorker,
    Category = "Transform",
    DisplayName = "Map BambooHR worker",
    Description = "Maps a BambooHR employee (getEmployee output, API object or field-based webhook) to a canonical worker. Fields BambooHR did not send "
        + "are left out (unknown), never cleared; 'script' overrides any property.")]
internal sealed class MapBambooHrWorkerActivity : Activity<MapBambooHrWorkerInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(MapBambooHrWorkerInputs inputs, ActivityContext context)
    {
        var source = inputs.Source ?? context.Input;
        var (id, fields) = source switch
        {
            JsonObject { } fetched when fetched["fields"] is JsonObject values && Id(fetched["employeeId"]) is { } employeeId => (employeeId, values),
            JsonObject { } employee when Id(employee["id"]) is { } employeeId => (employeeId, employee),
            _ => throw context.InvalidInput("source", "must be a BambooHR employee: { employeeId, fields } or an employee object with an id."),
        };

        var fieldMap = inputs.FieldMap ?? [];
        foreach (var name in fieldMap.Keys.Where(k => !BambooHrWorkerMapper.LogicalNames.Contains(k)))
        {
            throw context.InvalidInput("fieldMap", $"names '{name}', which is not a worker field; use one of {string.Join(", ", BambooHrWorkerMapper.LogicalNames)}.");
        }

        var today = DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime);
        try
        {
            var worker = ScriptOverride.Apply(BambooHrWorkerMapper.Map(id, fields, fieldMap, inputs.CostCenterSystem, today), inputs.Script, context);
            return ValueTask.FromResult(ActivityResult.Done(CanonicalJson.ToNode(worker)));
        }
        catch (ServicesSyncException ex) when (ex.Kind == ErrorKind.Validation && !ex.Message.StartsWith("Activity '", StringComparison.Ordinal))
        {
            throw context.Invalid(ex.Message, ex);
        }
    }

    private static string? Id(JsonNode? node) => JsonValues.Text(node);
}
