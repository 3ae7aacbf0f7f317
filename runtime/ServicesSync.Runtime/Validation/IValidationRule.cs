namespace ServicesSync.Validation;

/// <summary>One family of checks (connections, inputs, the graph …); reports into the context and never stops early.</summary>
internal interface IValidationRule
{
    void Check(ValidationContext context);
}
