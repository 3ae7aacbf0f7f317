namespace ServicesSync.Activities.Control;

internal sealed class JoinInputs
{
    // The engine decides when to run the join before any expression could be evaluated.
    [Input(Expressions = false, Description = "'all' waits for every incoming branch; 'any' continues with the first to arrive.")]
    public JoinMode Mode { get; set; } = JoinMode.All;
}

internal enum JoinMode
{
    All,
    Any,
}
