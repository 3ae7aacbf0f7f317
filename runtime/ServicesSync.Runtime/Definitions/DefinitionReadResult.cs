using System.Diagnostics.CodeAnalysis;
using ServicesSync.Validation;

namespace ServicesSync.Definitions;

/// <summary>The definition read from untrusted JSON, or the problems that prevented it.</summary>
public sealed record DefinitionReadResult(WorkflowDefinition? Definition, IReadOnlyList<ValidationProblem> Problems)
{
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool Succeeded => Definition is not null && !Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
