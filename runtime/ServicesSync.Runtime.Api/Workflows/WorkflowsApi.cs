using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Api.Http;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;
using ServicesSync.Errors;
using ServicesSync.Execution.Triggers;
using ServicesSync.Persistence;
using ServicesSync.Validation;

namespace ServicesSync.Api.Workflows;

/// <summary>
/// Drafts: the editable copy of each workflow. A draft may hold semantic errors while it is being
/// built (every response lists them); only publishing demands a clean definition.
/// </summary>
internal static class WorkflowsApi
{
    public const string EditConflictDetail = "the draft was changed by someone else since you loaded it: reload it or overwrite it";

    public static void MapWorkflowsApi(this IEndpointRouteBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflows");

        workflows.MapGet("", ListAsync).RequireAuthorization(ApiScopes.Read)
            .WithName("ListWorkflows").WithSummary("Every workflow: its draft and newest published version.");
        workflows.MapGet("/{id}", GetAsync).RequireAuthorization(ApiScopes.Read)
            .WithName("GetWorkflow").WithSummary("The draft, with its ETag and current problems.");
        workflows.MapPost("", CreateAsync).RequireAuthorization(ApiScopes.Write)
            .WithName("CreateWorkflow").WithSummary("Creates a draft; 409 when the id exists.")
            .Accepts<object>("application/json");
        workflows.MapPut("/{id}", ReplaceAsync).RequireAuthorization(ApiScopes.Write)
            .WithName("ReplaceWorkflow").WithSummary("Replaces the draft; send If-Match with the ETag you loaded.")
            .Accepts<object>("application/json");
        workflows.MapDelete("/{id}", DeleteAsync).RequireAuthorization(ApiScopes.Write)
            .WithName("DeleteWorkflow").WithSummary("Deletes the draft and retires the published versions.");
    }

    internal static async Task<Ok<WorkflowSummaryResponse[]>> ListAsync(IDefinitionStore store, CancellationToken cancellationToken)
    {
        var summaries = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(summaries.Select(WorkflowSummaryResponse.From).ToArray());
    }

    internal static async Task<Results<Ok<WorkflowDraftResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpResponse response, IDefinitionStore store, IWorkflowValidator validator, CancellationToken cancellationToken)
    {
        var draft = await store.GetDraftAsync(id, cancellationToken);
        if (draft is null)
        {
            return ApiProblems.NotFound($"Workflow '{id}' does not exist.");
        }

        response.Headers.ETag = ETags.ToHeader(draft.ETag);
        return TypedResults.Ok(WorkflowDraftResponse.From(draft, validator.Validate(draft.Definition)));
    }

    internal static async Task<Results<Created<WorkflowDraftResponse>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, IDefinitionStore store, IWorkflowValidator validator, CancellationToken cancellationToken)
    {
        var body = await DefinitionBody.ReadAsync(request, urlId: null, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var definition = body.Definition!;
        if (await store.GetDraftAsync(definition.Id, cancellationToken) is not null)
        {
            return ApiProblems.Create(
                ProblemKinds.AlreadyExists,
                $"A workflow with id '{definition.Id}' already exists; change it with PUT /api/v1/workflows/{definition.Id}.");
        }

        var draft = await store.SaveDraftAsync(definition, expectedETag: null, cancellationToken);
        request.HttpContext.Response.Headers.ETag = ETags.ToHeader(draft.ETag);
        var problems = body.ReadProblems.Concat(validator.Validate(draft.Definition));
        return TypedResults.Created($"/api/v1/workflows/{Uri.EscapeDataString(draft.Definition.Id)}", WorkflowDraftResponse.From(draft, problems));
    }

    internal static async Task<Results<Ok<WorkflowDraftResponse>, ProblemHttpResult>> ReplaceAsync(
        string id, HttpRequest request, IDefinitionStore store, IWorkflowValidator validator, CancellationToken cancellationToken)
    {
        var body = await DefinitionBody.ReadAsync(request, id, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var current = await store.GetDraftAsync(id, cancellationToken);
        if (current is null)
        {
            return ApiProblems.NotFound($"Workflow '{id}' does not exist; create it with POST /api/v1/workflows.");
        }

        var ifMatch = ETags.IfMatch(request);
        if (ifMatch is not null && !ETags.Matches(ifMatch, current.ETag))
        {
            return EditConflict(current.ETag);
        }

        WorkflowDraft saved;
        try
        {
            // The store checks the tag again atomically: another save may land between our read and write.
            saved = await store.SaveDraftAsync(body.Definition!, ifMatch is null ? null : current.ETag, cancellationToken);
        }
        catch (ConflictException)
        {
            var latest = await store.GetDraftAsync(id, cancellationToken);
            return EditConflict(latest?.ETag);
        }

        request.HttpContext.Response.Headers.ETag = ETags.ToHeader(saved.ETag);
        var problems = body.ReadProblems.Concat(validator.Validate(saved.Definition));
        return TypedResults.Ok(WorkflowDraftResponse.From(saved, problems));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpRequest request, IDefinitionStore store, ITriggerIndex triggers, CancellationToken cancellationToken)
    {
        var current = await store.GetDraftAsync(id, cancellationToken);
        var ifMatch = ETags.IfMatch(request);
        if (current is not null && ifMatch is not null && !ETags.Matches(ifMatch, current.ETag))
        {
            return EditConflict(current.ETag);
        }

        bool deleted;
        try
        {
            deleted = await store.DeleteAsync(id, current is not null && ifMatch is not null ? current.ETag : null, cancellationToken);
        }
        catch (ConflictException)
        {
            var latest = await store.GetDraftAsync(id, cancellationToken);
            return EditConflict(latest?.ETag);
        }

        if (!deleted)
        {
            return ApiProblems.NotFound($"Workflow '{id}' does not exist.");
        }

        // Its webhook routes, schedules and event subscriptions go away with it.
        await triggers.RefreshAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult EditConflict(string? currentETag)
        => ApiProblems.Create(
            ProblemKinds.EditConflict,
            EditConflictDetail,
            [new("currentETag", currentETag is null ? null : ETags.ToHeader(currentETag))]);
}
