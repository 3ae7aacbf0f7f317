using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Definitions;

namespace ServicesSync.Api.Schemas;

/// <summary>The JSON Schema of workflow definitions, anonymous so editors and CI can fetch it.</summary>
internal static class SchemaApi
{
    public const string SchemaContentType = "application/schema+json";

    public static void MapSchemaApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/schemas/workflow", GetWorkflowSchema)
            .AllowAnonymous()
            .WithName("GetWorkflowSchema")
            .WithTags("Schemas")
            .WithSummary("The JSON Schema of workflow definitions (schemaVersion 1).")
            .Produces(StatusCodes.Status200OK, contentType: SchemaContentType);
    }

    internal static ContentHttpResult GetWorkflowSchema()
        => TypedResults.Text(WorkflowDefinitionReader.SchemaJson, SchemaContentType);
}
