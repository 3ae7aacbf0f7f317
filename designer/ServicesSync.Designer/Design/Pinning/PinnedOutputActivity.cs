using ServicesSync.Activities;

namespace ServicesSync.Designer.Design.Pinning;

/// <summary>
/// Stands in for an activity whose output the user pinned in a test run: it does not run the
/// original activity (no HTTP call, no script) and completes with the pinned JSON instead. Only
/// the designer registers it, and the browser hides it from the palette.
/// </summary>
[Activity(
    TypeId,
    Category = "Designer",
    DisplayName = "Pinned output",
    Description = "Test runs only: completes with a pinned output instead of running the activity it replaces.")]
internal sealed class PinnedOutputActivity : Activity<PinnedOutputInputs>
{
    public const string TypeId = "design.pinned";

    protected override ValueTask<ActivityResult> ExecuteAsync(PinnedOutputInputs inputs, ActivityContext context)
    {
        // The value is wrapped in a one-element array so that a pinned object shaped like an
        // expression ({"expression": …}) is never evaluated as one.
        var output = inputs.Value is [var only] ? only?.DeepClone() : null;
        return ValueTask.FromResult(ActivityResult.Done(output));
    }
}
