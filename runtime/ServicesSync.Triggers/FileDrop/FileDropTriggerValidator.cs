using System.Text.Json.Nodes;
using ServicesSync.Activities;

namespace ServicesSync.Triggers.FileDrop;

/// <summary>Refuses, at validation and publish, file-drop settings the watcher could not use.</summary>
internal sealed class FileDropTriggerValidator : IActivityNodeValidator
{
    public string ActivityType => TriggerTypes.FileDrop;

    public IEnumerable<ActivityInputProblem> Validate(JsonObject inputs)
    {
        if (FileDropSettings.CheckInputs(inputs) is not { } problem)
        {
            return [];
        }

        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        return [new ActivityInputProblem(problem[..colon], problem[(colon + 2)..])];
    }
}
