using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Activities;

/// <summary>Small helpers every core activity uses, so their errors and pass-through read alike.</summary>
internal static class ActivityContextExtensions
{
    /// <summary>
    /// The incoming message as this activity's output. Cloned because a node can belong to one
    /// parent only and the engine may hand the same message to several branches.
    /// </summary>
    public static JsonNode? PassThrough(this ActivityContext context) => context.Input?.DeepClone();

    /// <summary>A validation error that names the activity, its type and the offending input.</summary>
    public static ServicesSyncException InvalidInput(this ActivityContext context, string input, string problem)
        => new($"Activity '{context.ActivityId}' ({context.ActivityType}): input '{input}' {problem}", ErrorKind.Validation);

    /// <summary>
    /// The value of an optional JSON input, or the incoming message when it is not set. Null
    /// counts as not set, whether the node omitted the input or the engine filled it in.
    /// </summary>
    public static JsonNode? InputOrMessage(this ActivityContext context, JsonNode? value)
        => value?.DeepClone() ?? context.PassThrough();

    /// <summary>The <paramref name="items"/> input, or the incoming message when that is an array.</summary>
    public static JsonArray ItemsOrMessage(this ActivityContext context, JsonArray? items, string input)
    {
        if (items is not null)
        {
            return items;
        }

        if (context.Input is JsonArray message)
        {
            return message.DeepClone().AsArray();
        }

        throw context.InvalidInput(input, $"is not set, so the incoming message must be an array, but it is {Describe(context.Input)}.");
    }

    public static T Require<T>(this ActivityContext context, T? value, string input)
        where T : class
        => value ?? throw context.InvalidInput(input, "is required.");

    public static T Require<T>(this ActivityContext context, T? value, string input)
        where T : struct
        => value ?? throw context.InvalidInput(input, "is required.");

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
