using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Control;

/// <summary>Cuts a list into chunks, for targets that accept bulk requests of a bounded size.</summary>
[Activity(
    CoreActivityTypes.Batch,
    Category = "Control",
    DisplayName = "Batch",
    Description = "Splits items into consecutive chunks of at most 'size' items; the output is an array of arrays.")]
internal sealed class BatchActivity : Activity<BatchInputs>
{
    internal const int MaxSize = 10_000;

    protected override ValueTask<ActivityResult> ExecuteAsync(BatchInputs inputs, ActivityContext context)
    {
        var size = context.Require(inputs.Size, "size");
        if (size is < 1 or > MaxSize)
        {
            throw context.InvalidInput("size", $"must be between 1 and {MaxSize}; got {size}.");
        }

        var items = context.ItemsOrMessage(inputs.Items, "items");
        var chunks = new JsonArray();
        JsonArray? chunk = null;
        foreach (var item in items)
        {
            if (chunk is null || chunk.Count == size)
            {
                chunk = [];
                chunks.Add(chunk);
            }

            chunk.Add(item?.DeepClone());
        }

        return ValueTask.FromResult(ActivityResult.Done(chunks));
    }
}
