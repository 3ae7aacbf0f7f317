namespace ServicesSync.Activities.Transform;

/// <summary>Assigns a workflow variable and lets the message continue unchanged.</summary>
[Activity(
    CoreActivityTypes.SetVariable,
    Category = "Transform",
    DisplayName = "Set variable",
    Description = "Sets a workflow variable to a value and passes the incoming message on unchanged.")]
internal sealed class SetVariableActivity : Activity<SetVariableInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(SetVariableInputs inputs, ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(inputs.Name))
        {
            throw context.InvalidInput("name", "is required and must not be blank.");
        }

        context.SetVariable(inputs.Name, inputs.Value?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Done(context.PassThrough()));
    }
}
