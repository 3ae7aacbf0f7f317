using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Persistence;
using ServicesSync.Persistence.InMemory;

namespace ServicesSync.Activities.Services.Tests;

/// <summary>Helpers every test here uses: results, JSON comparison, samples and a real in-memory store.</summary>
internal static class TestSupport
{
    public static JsonNode? CompletedOn(this ActivityResult result, string outcome)
    {
        var completed = Assert.IsType<CompletedResult>(result);
        Assert.Equal([outcome], completed.OutcomeNames);
        return completed.Output;
    }

    public static async Task<ActivityResult> RunAsync(this IActivity activity, ServicesSync.Testing.Activities.TestActivityContext context)
        => await activity.ExecuteAsync(context.Build());

    public static void JsonEqual(string expectedJson, JsonNode? actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Fail($"JSON differs.{Environment.NewLine}Expected: {expected?.ToJsonString()}{Environment.NewLine}Actual:   {actual?.ToJsonString() ?? "null"}");
        }
    }

    /// <summary>The text of a file under Samples/.</summary>
    public static string Sample(string relativePath)
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", relativePath));

    public static JsonNode SampleJson(string relativePath) => JsonNode.Parse(Sample(relativePath))!;

    /// <summary>The real in-memory store, as the runtime registers it.</summary>
    public static IWorkflowStore NewStore()
        => new ServiceCollection().AddInMemoryStore().BuildServiceProvider().GetRequiredService<IWorkflowStore>();
}
