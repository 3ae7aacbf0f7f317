using ServicesSync.Activities;
using ServicesSync.Errors;
using ServicesSync.Expressions;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.Activities;

/// <summary>Runs a JavaScript or C# snippet over the incoming message; what it returns is the output.</summary>
[Activity(
    ScriptActivityTypes.Script,
    Category = "Transform",
    DisplayName = "Script",
    Description = "Maps the incoming message with a JavaScript or C# snippet. The snippet's return value is the output. "
        + "Snippets are bounded in time, memory and recursion and can reach only an allowlist of APIs.")]
internal sealed class ScriptActivity(ScriptRunners runners) : Activity<ScriptInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(ScriptInputs inputs, ActivityContext context)
    {
        if (inputs.Language is null || !runners.TryGetRunner(inputs.Language, out var runner))
        {
            throw new ServicesSyncException(
                $"Activity '{context.ActivityId}' ({context.ActivityType}): input 'language' must be one of {string.Join(", ", runners.Languages.Order())}, but is '{inputs.Language}'.",
                ErrorKind.Validation);
        }

        if (string.IsNullOrWhiteSpace(inputs.Code))
        {
            throw new ServicesSyncException($"Activity '{context.ActivityId}' ({context.ActivityType}): input 'code' is required.", ErrorKind.Validation);
        }

        var scope = new ExpressionScope
        {
            Input = context.Input,
            Variables = context.Variables,
            WorkflowId = context.WorkflowId,
            InstanceId = context.InstanceId,
            ActivityId = context.ActivityId,
            Clock = context.Clock,
            Logger = context.Logger,
        };
        var output = await runner.RunAsync(SnippetKind.Script, inputs.Code, scope, context.CancellationToken);
        return ActivityResult.Done(output);
    }
}
