using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Api.Http;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;
using ServicesSync.Schemas;

namespace ServicesSync.Api.Schemas;

/// <summary>
/// The versioned JSON Schemas of the canonical entities, for designer completion and
/// validation. The API knows only <see cref="ICanonicalSchemaProvider"/>; a host without the
/// canonical model registered lists none.
/// </summary>
internal static class CanonicalSchemasApi
{
    public static void MapCanonicalSchemasApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/schemas/canonical", ListSchemas)
            .RequireAuthorization(ApiScopes.Read)
            .WithName("ListCanonicalSchemas")
            .WithTags("Schemas")
            .WithSummary("Every canonical entity schema with its versions.");
        api.MapGet("/schemas/canonical/{entity}", GetSchema)
            .RequireAuthorization(ApiScopes.Read)
            .WithName("GetCanonicalSchema")
            .WithTags("Schemas")
            .WithSummary("The JSON Schema of one canonical entity, latest version unless ?version= is given.")
            .Produces(StatusCodes.Status200OK, contentType: SchemaApi.SchemaContentType);
    }

    internal static Ok<IReadOnlyList<CanonicalSchemaSummary>> ListSchemas([FromServices] IEnumerable<ICanonicalSchemaProvider> providers)
    {
        IReadOnlyList<CanonicalSchemaSummary> items = [.. providers.SelectMany(p => p.Schemas).Select(CanonicalSchemaSummary.From)];
        return TypedResults.Ok(items);
    }

    internal static Results<ContentHttpResult, ProblemHttpResult> GetSchema(
        string entity, HttpRequest request, [FromServices] IEnumerable<ICanonicalSchemaProvider> providers)
    {
        var version = Query.Int(request, "version", 1, int.MaxValue);
        foreach (var provider in providers)
        {
            if (provider.GetSchema(entity, version) is { } text)
            {
                return TypedResults.Text(text, SchemaApi.SchemaContentType);
            }
        }

        var known = string.Join(", ", providers.SelectMany(p => p.Schemas).Select(s => s.Entity).Distinct(StringComparer.Ordinal));
        return version is null
            ? ApiProblems.NotFound($"There is no canonical schema for '{entity}'. Known entities: {(known.Length == 0 ? "none" : known)}.")
            : ApiProblems.NotFound($"There is no version {version} of the canonical schema for '{entity}'.");
    }
}

/// <summary>One entry of <c>GET /api/v1/schemas/canonical</c>.</summary>
internal sealed record CanonicalSchemaSummary(string Entity, int Version, string Id, string Title, bool Latest, string Href)
{
    public static CanonicalSchemaSummary From(CanonicalSchemaInfo info)
        => new(info.Entity, info.Version, info.Id, info.Title, info.Latest, $"{ApiEndpointRouteBuilderExtensions.BasePath}/schemas/canonical/{info.Entity}?version={info.Version}");
}
