using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Activities.Polling;

/// <summary>
/// Reads a workflow's high-water mark (the <c>since</c> of a poll). Its output is journaled like any
/// other, so a run resumed after a crash polls from the same mark it started with.
/// </summary>
[Activity(
    CoreActivityTypes.WatermarkGet,
    Category = "Polling",
    DisplayName = "Get watermark",
    Description = "Outputs { value, updatedAt } of the named high-water mark of this workflow, or { value: initial } when it was never advanced.")]
internal sealed class WatermarkGetActivity(IWatermarkStore store) : Activity<WatermarkGetInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(WatermarkGetInputs inputs, ActivityContext context)
    {
        var name = WatermarkNames.Require(context, inputs.Name);
        var record = await store.GetWatermarkAsync(context.WorkflowId, name, context.CancellationToken);
        return ActivityResult.Done(new JsonObject
        {
            ["name"] = name,
            ["value"] = record is null ? inputs.Initial?.DeepClone() : JsonNode.Parse(record.ValueJson),
            ["updatedAt"] = record?.UpdatedAt,
        });
    }
}

internal sealed class WatermarkGetInputs
{
    [Input(Required = true, Description = "Name of the mark, unique within the workflow, e.g. employees.")]
    public string? Name { get; set; }

    [Input(Description = "The value before the first advance, e.g. \"2026-01-01T00:00:00Z\".")]
    public JsonNode? Initial { get; set; }
}
