using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;

namespace ServicesSync.Designer.Design.Templates;

/// <summary>
/// <c>GET /api/v1/design/templates[/{name}]</c>: the starter templates, their parameters and sample
/// payloads; <c>POST /api/v1/design/templates/{name}/instantiate</c>: a template with parameter
/// values applied, ready to save as a draft. Nothing here writes to the store.
/// </summary>
internal static class TemplatesApi
{
    public static void MapTemplatesApi(this IEndpointRouteBuilder design)
    {
        design.MapGet("/templates", (TemplateCatalog catalog) => TypedResults.Ok(catalog.List()))
            .RequireAuthorization(ApiScopes.Read)
            .WithName("ListTemplates")
            .WithSummary("Starter templates: name, title, description, tags, parameter count and sample names.");
        design.MapGet("/templates/{name}", Get)
            .RequireAuthorization(ApiScopes.Read)
            .WithName("GetTemplate")
            .WithSummary("One template's definition, parameters and sample payloads.");
        design.MapPost("/templates/{name}/instantiate", InstantiateAsync)
            .RequireAuthorization(ApiScopes.Read)
            .WithName("InstantiateTemplate")
            .WithSummary("Applies parameter values to a template: the definition to save, or 422 naming each parameter at fault.")
            .Accepts<object>("application/json");
    }

    internal static Results<Ok<TemplateDetail>, ProblemHttpResult> Get(string name, TemplateCatalog catalog)
        => catalog.Find(name) is { } detail
            ? TypedResults.Ok(detail)
            : DesignProblems.NotFound($"There is no template '{name}'.");

    internal static async Task<Results<Ok<InstantiateTemplateResponse>, ProblemHttpResult>> InstantiateAsync(
        string name, HttpRequest request, TemplateInstantiation instantiation, CancellationToken cancellationToken)
    {
        var body = await DesignBody.ReadAsync(request, InstantiateTemplateRequest.MaxBodyBytes, cancellationToken);
        var (values, error) = InstantiateTemplateRequest.Parse(body);
        if (values is null)
        {
            return DesignProblems.InvalidRequest(error!);
        }

        var result = await instantiation.InstantiateAsync(name, values, cancellationToken);
        if (result is null)
        {
            return DesignProblems.NotFound($"There is no template '{name}'.");
        }

        if (!result.Succeeded)
        {
            var kind = ProblemKinds.ValidationFailed;
            var details = new ProblemDetails
            {
                Type = kind.Type,
                Title = kind.Title,
                Status = kind.Status,
                Detail = $"The template '{name}' cannot be used with these values: {DesignProblems.Count(result.Problems.Count, "problem")}. First: {result.Problems[0].Message.TrimEnd('.')}.",
            };
            details.Extensions["problems"] = result.Problems;
            return TypedResults.Problem(details);
        }

        return TypedResults.Ok(new InstantiateTemplateResponse(name, result.Definition!, result.Problems));
    }
}

/// <summary>The instantiated definition (saved by the caller, e.g. with <c>POST /api/v1/workflows</c>) and its remaining problems.</summary>
internal sealed record InstantiateTemplateResponse(string Template, System.Text.Json.Nodes.JsonNode Definition, IReadOnlyList<TemplateProblemJson> Problems);
