using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>Maps normalized Workday workers to canonical workers.</summary>
[Activity(
    ServicesActivityTypes.MapWorkdayWorker,
    Category = "Transform",
    DisplayName = "Map Workday worker",
    Description = "Maps a worker from workday.parseWorkers to a canonical worker (a whole page maps to { workers: [...] }): status from Active/Terminated, "
        + "employment periods incl. rehire, supervisory manager, cost center. Fields Workday did not send stay unknown; 'script' overrides any property.")]
internal sealed class MapWorkdayWorkerActivity : Activity<MapWorkdayWorkerInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(MapWorkdayWorkerInputs inputs, ActivityContext context)
    {
        var today = DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime);
        var source = inputs.Source ?? context.Input;
        JsonNode? output = source switch
        {
            JsonObject page when page["workers"] is JsonArray workers
                => new JsonObject { ["workers"] = new JsonArray([.. workers.OfType<JsonObject>().Select(w => CanonicalJson.ToNode(Map(w, today, inputs, context)))]) },
            JsonObject worker => CanonicalJson.ToNode(Map(worker, today, inputs, context)),
            _ => throw context.InvalidInput("source", $"must be a worker from workday.parseWorkers; it is {ActivityErrors.Describe(source)}."),
        };
        return ValueTask.FromResult(ActivityResult.Done(output));
    }

    private static Worker Map(JsonObject worker, DateOnly today, MapWorkdayWorkerInputs inputs, ActivityContext context)
    {
        try
        {
            return ScriptOverride.Apply(WorkdayWorkerMapper.Map(worker, today), inputs.Script, context);
        }
        catch (ServicesSyncException ex) when (ex.Kind == ErrorKind.Validation && !ex.Message.StartsWith("Activity '", StringComparison.Ordinal))
        {
            throw context.Invalid(ex.Message, ex);
        }
    }
}
