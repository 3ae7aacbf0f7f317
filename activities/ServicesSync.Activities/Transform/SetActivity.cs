namespace ServicesSync.Activities.Transform;

/// <summary>
/// Builds the output message from a JSON template filled from the incoming message and the
/// workflow variables: the no-code way to reshape data without writing a script.
/// </summary>
[Activity(
    CoreActivityTypes.Set,
    Category = "Transform",
    DisplayName = "Set / transform by template",
    Description = "Builds the output from a JSON template. String values may contain {{input.path}} and {{vars.name}} placeholders; "
        + "a value that is exactly one placeholder keeps the referenced value's type. Write {{{{ for a literal {{.")]
internal sealed class SetActivity : Activity<SetInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(SetInputs inputs, ActivityContext context)
    {
        var template = context.Require(inputs.Template, "template");
        var renderer = new TemplateRenderer(
            context.Input,
            context.Variables,
            $"Activity '{context.ActivityId}' ({context.ActivityType}): input 'template'");
        return ValueTask.FromResult(ActivityResult.Done(renderer.Render(template)));
    }
}
