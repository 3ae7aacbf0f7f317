using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Tests;

/// <summary>Structural JSON comparison with both sides printed on failure.</summary>
internal static class JsonAssert
{
    public static void Equal(string expectedJson, JsonNode? actual)
        => Equal(JsonNode.Parse(expectedJson), actual);

    public static void Equal(JsonNode? expected, JsonNode? actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Fail($"JSON differs.{Environment.NewLine}Expected: {expected?.ToJsonString() ?? "null"}{Environment.NewLine}Actual:   {actual?.ToJsonString() ?? "null"}");
        }
    }
}
