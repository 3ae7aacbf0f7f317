using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Api.Http;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;
using ServicesSync.Execution.Triggers;
using ServicesSync.Persistence;
using ServicesSync.Validation;

namespace ServicesSync.Api.Workflows;

/// <summary>Publishing freezes the draft as the next immutable version; versions are read-only after that.</summary>
internal static class VersionsApi
{
    public static void MapVersionsApi(this IEndpointRouteBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflows");

        workflows.MapPost("/{id}/publish", PublishAsync).RequireAuthorization(ApiScopes.Write)
            .WithName("PublishWorkflow").WithSummary("Validates the draft and freezes it as the next version; 422 with the problems when it has errors.");
        workflows.MapGet("/{id}/versions", ListVersionsAsync).RequireAuthorization(ApiScopes.Read)
            .WithName("ListWorkflowVersions").WithSummary("Every published version, newest first.");
        workflows.MapGet("/{id}/versions/{version:int}", GetVersionAsync).RequireAuthorization(ApiScopes.Read)
            .WithName("GetWorkflowVersion").WithSummary("One published version with its definition.");
    }

    internal static async Task<Results<Created<PublishResponse>, ProblemHttpResult>> PublishAsync(
        string id, HttpContext context, IDefinitionStore store, IWorkflowValidator validator, ITriggerIndex triggers, CancellationToken cancellationToken)
    {
        var draft = await store.GetDraftAsync(id, cancellationToken);
        if (draft is null)
        {
            return ApiProblems.NotFound($"Workflow '{id}' does not exist.");
        }

        // Optional: publish exactly the draft the caller reviewed.
        var ifMatch = ETags.IfMatch(context.Request);
        if (ifMatch is not null && !ETags.Matches(ifMatch, draft.ETag))
        {
            return WorkflowsApi.EditConflict(draft.ETag);
        }

        var problems = validator.Validate(draft.Definition);
        var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
        if (errors > 0)
        {
            return ApiProblems.WithProblems(
                ProblemKinds.ValidationFailed,
                $"Workflow '{id}' has {DefinitionBody.Count(errors, "error")}; fix them before publishing. Nothing was published.",
                problems);
        }

        var published = await store.PublishAsync(draft.Definition, context.User.Identity?.Name, cancellationToken);
        // Webhook routes, schedules and event subscriptions follow the new version at once.
        await triggers.RefreshAsync(cancellationToken);
        var warnings = ProblemView.From(problems);
        return TypedResults.Created(
            $"/api/v1/workflows/{Uri.EscapeDataString(id)}/versions/{published.Version}",
            new PublishResponse(published.Id, published.Version, published.PublishedAt, warnings));
    }

    internal static async Task<Results<Ok<VersionSummaryResponse[]>, ProblemHttpResult>> ListVersionsAsync(
        string id, IDefinitionStore store, CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(id, cancellationToken);
        if (versions.Count == 0 && await store.GetDraftAsync(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound($"Workflow '{id}' does not exist.");
        }

        return TypedResults.Ok(versions.Select(VersionSummaryResponse.From).ToArray());
    }

    internal static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> GetVersionAsync(
        string id, int version, IDefinitionStore store, CancellationToken cancellationToken)
    {
        var published = await store.GetPublishedAsync(id, version, cancellationToken);
        return published is null
            ? ApiProblems.NotFound($"Workflow '{id}' has no published version {version}.")
            : TypedResults.Ok(VersionResponse.From(published));
    }
}
