namespace ServicesSync.Activities.Control;

/// <summary>Runs a published workflow as a child run; the engine continues here with its output.</summary>
[Activity(
    CoreActivityTypes.CallWorkflow,
    Category = "Control",
    DisplayName = "Call workflow",
    Description = "Starts a published workflow as a sub-workflow and continues with its output when it completes.")]
internal sealed class CallWorkflowActivity : Activity<CallWorkflowInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(CallWorkflowInputs inputs, ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(inputs.WorkflowId))
        {
            throw context.InvalidInput("workflowId", "is required and must not be blank.");
        }

        if (inputs.Version is < 1)
        {
            throw context.InvalidInput("version", $"must be 1 or more when set; got {inputs.Version}.");
        }

        var input = context.InputOrMessage(inputs.Input);
        return ValueTask.FromResult(ActivityResult.CallWorkflow(inputs.WorkflowId, inputs.Version, input));
    }
}
