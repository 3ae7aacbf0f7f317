using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Mapping;

internal sealed class MapWorkdayWorkerInputs
{
    [Input(Description = "One worker from workday.parseWorkers (or its whole output: every worker is mapped); by default the incoming message.")]
    public JsonNode? Source { get; set; }

    [Input(Description = "Overrides: an object (usually a JavaScript or C# expression) whose properties replace those of the declarative mapping.")]
    public JsonObject? Script { get; set; }
}
