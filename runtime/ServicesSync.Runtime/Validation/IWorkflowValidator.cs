using ServicesSync.Definitions;

namespace ServicesSync.Validation;

/// <summary>
/// Checks a structurally valid definition against the activities this runtime knows and the
/// rules of the graph. Reports every problem at once, never stops at the first.
/// </summary>
public interface IWorkflowValidator
{
    IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition);
}
