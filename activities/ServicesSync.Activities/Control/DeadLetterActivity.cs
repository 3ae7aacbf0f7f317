namespace ServicesSync.Activities.Control;

/// <summary>
/// Parks a message that cannot be processed in the dead-letter list with a reason, so an
/// operator can fix the cause and replay it; the path ends here.
/// </summary>
[Activity(
    CoreActivityTypes.DeadLetter,
    Category = "Control",
    DisplayName = "Dead letter",
    Description = "Ends this path and puts the message in the dead-letter list with a reason, for review and replay.")]
internal sealed class DeadLetterActivity : Activity<DeadLetterInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(DeadLetterInputs inputs, ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(inputs.Reason))
        {
            throw context.InvalidInput("reason", "is required and must not be blank.");
        }

        return ValueTask.FromResult(ActivityResult.DeadLetter(inputs.Reason, context.InputOrMessage(inputs.Message)));
    }
}
