namespace ServicesSync.Activities.Control;

internal sealed class BranchInputs
{
    // Nullable so that a missing condition is an error instead of silently taking 'false'.
    [Input(Required = true, Description = "Boolean that selects the outcome, usually an expression such as input.hours > 8.")]
    public bool? Condition { get; set; }
}
