using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services;

/// <summary>Errors that name the activity, its type and the offending input, as every activity's errors do.</summary>
internal static class ActivityErrors
{
    public static ServicesSyncException InvalidInput(this ActivityContext context, string input, string problem)
        => new($"Activity '{context.ActivityId}' ({context.ActivityType}): input '{input}' {problem}", ErrorKind.Validation);

    public static ServicesSyncException Invalid(this ActivityContext context, string problem, Exception? inner = null)
        => new($"Activity '{context.ActivityId}' ({context.ActivityType}): {problem}", ErrorKind.Validation, false, inner);

    public static string Require(this ActivityContext context, string? value, string input)
        => string.IsNullOrWhiteSpace(value) ? throw context.InvalidInput(input, "is required and must not be blank.") : value;

    /// <summary>The value of an optional JSON input, or the incoming message when it is not set.</summary>
    public static JsonNode? InputOrMessage(this ActivityContext context, JsonNode? value)
        => value?.DeepClone() ?? context.Input?.DeepClone();

    /// <summary>"an object", "a string"... for error messages that say what arrived instead.</summary>
    public static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}
