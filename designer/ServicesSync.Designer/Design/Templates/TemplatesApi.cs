using Microsoft.AspNetCore.Http.HttpResults;
using ServicesSync.Api.Security;

namespace ServicesSync.Designer.Design.Templates;

/// <summary><c>GET /api/v1/design/templates[/{name}]</c>: the starter templates and their sample payloads.</summary>
internal static class TemplatesApi
{
    public static void MapTemplatesApi(this IEndpointRouteBuilder design)
    {
        design.MapGet("/templates", (TemplateCatalog catalog) => TypedResults.Ok(catalog.List()))
            .RequireAuthorization(ApiScopes.Read)
            .WithName("ListTemplates")
            .WithSummary("Starter templates: name, title, description and sample names.");
        design.MapGet("/templates/{name}", Get)
            .RequireAuthorization(ApiScopes.Read)
            .WithName("GetTemplate")
            .WithSummary("One template's definition and sample payloads.");
    }

    internal static Results<Ok<TemplateDetail>, ProblemHttpResult> Get(string name, TemplateCatalog catalog)
        => catalog.Find(name) is { } detail
            ? TypedResults.Ok(detail)
            : DesignProblems.NotFound($"There is no template '{name}'.");
}
