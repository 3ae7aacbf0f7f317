using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Tests;

/// <summary>Unwraps the result kinds the tests expect, failing with the actual kind otherwise.</summary>
internal static class ActivityResults
{
    /// <summary>The output of a result that completed on exactly <paramref name="outcome"/>.</summary>
    public static JsonNode? CompletedOn(this ActivityResult result, string outcome)
    {
        var completed = Assert.IsType<CompletedResult>(result);
        Assert.Equal([outcome], completed.OutcomeNames);
        return completed.Output;
    }

    public static async Task<ActivityResult> RunAsync(this IActivity activity, ServicesSync.Testing.Activities.TestActivityContext context)
        => await activity.ExecuteAsync(context.Build());
}
