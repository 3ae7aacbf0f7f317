using System.Text.Json.Nodes;

namespace ServicesSync.Activities;

/// <summary>
/// Design-time checks an activity type adds to the workflow validator, for what its descriptor
/// cannot express (a script's syntax and allowlist, a cron expression). Registered in DI; the
/// validator runs every validator whose <see cref="ActivityType"/> matches a node.
/// </summary>
public interface IActivityNodeValidator
{
    string ActivityType { get; }

    /// <summary>Problems in the node's literal inputs; expressions are checked separately.</summary>
    IEnumerable<ActivityInputProblem> Validate(JsonObject inputs);
}

/// <summary>A problem in one input of a node, with a position inside the input's text when it has one (1-based).</summary>
public sealed record ActivityInputProblem(string Input, string Message, int? Line = null, int? Column = null);
