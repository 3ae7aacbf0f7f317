using ServicesSync.Definitions;
using ServicesSync.Validation;

namespace ServicesSync.Host.Transfer;

/// <summary>
/// What importing one source (a file, a template folder or a bundle) would do. A source with
/// any refusal is not written at all.
/// </summary>
internal sealed record ImportPlan(string Source, IReadOnlyList<PlannedWorkflow> Workflows, IReadOnlyList<string> Refusals)
{
    public bool Refused => Refusals.Count > 0;
}

/// <summary>One definition ready to save, with the problems it still has (warnings, or errors a draft may keep).</summary>
internal sealed record PlannedWorkflow(WorkflowDefinition Definition, IReadOnlyList<ValidationProblem> Problems);

/// <summary>What was written for one workflow.</summary>
internal sealed record ImportedWorkflow(string Id, int? PublishedVersion, bool Unchanged);
