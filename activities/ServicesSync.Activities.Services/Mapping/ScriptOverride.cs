using System.Text.Json.Nodes;
using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>
/// The script override of the map activities. The <c>script</c> input is usually an expression
/// (<c>{ "expression": { "language": "javascript", "code": "…" } }</c>); the engine evaluates it
/// through the installed <c>IExpressionEvaluator</c> against the incoming message before the
/// activity runs, so the activity receives its result: an object whose properties replace those
/// of the declarative mapping. The result is read back as the canonical type, so a script cannot
/// produce an invalid entity.
/// </summary>
internal static class ScriptOverride
{
    public static T Apply<T>(T mapped, JsonObject? script, ActivityContext context)
    {
        if (script is null || script.Count == 0)
        {
            return mapped;
        }

        var json = CanonicalJson.ToNode(mapped)!.AsObject();
        foreach (var (name, value) in script)
        {
            json[name] = value?.DeepClone();
        }

        return CanonicalJson.FromNode<T>(json, $"Activity '{context.ActivityId}': the mapping with input 'script' applied");
    }
}
