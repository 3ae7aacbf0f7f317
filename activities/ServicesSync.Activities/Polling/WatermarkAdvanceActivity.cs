using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Activities.Polling;

/// <summary>
/// Advances a workflow's high-water mark. Place it after the steps that process the changes: a run
/// that dies before reaching it leaves the mark where it was, so the next poll fetches the same
/// changes again (at least once; idempotency keys on the side effects make that harmless).
/// </summary>
[Activity(
    CoreActivityTypes.WatermarkAdvance,
    Category = "Polling",
    DisplayName = "Advance watermark",
    Description = "Stores a new value for the named high-water mark; with onlyForward (default) a value not greater than the stored one (numbers, or text such as ISO timestamps compared ordinally) is ignored. The message passes on.")]
internal sealed class WatermarkAdvanceActivity(IWatermarkStore store) : Activity<WatermarkAdvanceInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(WatermarkAdvanceInputs inputs, ActivityContext context)
    {
        var name = WatermarkNames.Require(context, inputs.Name);
        if (inputs.Value is null)
        {
            throw context.InvalidInput("value", "is required: the new high-water mark (a timestamp, a sequence number).");
        }

        var current = await store.GetWatermarkAsync(context.WorkflowId, name, context.CancellationToken);
        if (inputs.OnlyForward && current is not null && !IsAhead(inputs.Value, JsonNode.Parse(current.ValueJson)))
        {
            return ActivityResult.Done(context.PassThrough());
        }

        await store.PutWatermarkAsync(
            new WatermarkRecord(context.WorkflowId, name, inputs.Value.ToJsonString(), context.Clock.GetUtcNow(), context.InstanceId),
            context.CancellationToken);
        return ActivityResult.Done(context.PassThrough());
    }

    private static bool IsAhead(JsonNode next, JsonNode? current)
        => (next.GetValueKind(), current?.GetValueKind()) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => next.GetValue<double>() > current!.GetValue<double>(),
            (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(next.GetValue<string>(), current!.GetValue<string>()) > 0,
            // Different kinds cannot be ordered: the new value replaces the old one.
            _ => true,
        };
}

internal sealed class WatermarkAdvanceInputs
{
    [Input(Required = true, Description = "Name of the mark, unique within the workflow, e.g. employees.")]
    public string? Name { get; set; }

    [Input(Required = true, Description = "The new mark, e.g. the latest lastChanged of the processed records.")]
    public JsonNode? Value { get; set; }

    [Input(Description = "Ignore a value that is not ahead of the stored one, so an older run finishing late cannot move the mark back.")]
    public bool OnlyForward { get; set; } = true;
}

internal static class WatermarkNames
{
    public static string Require(ActivityContext context, string? name)
        => string.IsNullOrWhiteSpace(name) ? throw context.InvalidInput("name", "is empty; name the mark, e.g. employees.") : name;
}
