using Microsoft.AspNetCore.Http.HttpResults;
using ServicesSync.Api.Security;
using ServicesSync.Definitions;
using ServicesSync.Validation;

namespace ServicesSync.Designer.Design;

/// <summary>
/// <c>POST /api/v1/design/validate</c>: every problem of a posted definition, without saving it.
/// The designer calls it as people edit; an unreadable definition is an answer too (<c>readable: false</c>),
/// not an error, because that is what an import of a foreign file needs to show.
/// </summary>
internal static class ValidateApi
{
    public static void MapValidateApi(this IEndpointRouteBuilder design)
    {
        design.MapPost("/validate", ValidateAsync)
            .RequireAuthorization(ApiScopes.Read)
            .WithName("ValidateDefinition")
            .WithSummary("Reads and validates a definition without saving it: {readable, problems}.")
            .Accepts<object>("application/json");
    }

    internal static async Task<Results<Ok<ValidateResponse>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> ValidateAsync(
        HttpRequest request, DefinitionLoader loader, CancellationToken cancellationToken)
    {
        var body = await DesignBody.ReadAsync(request, WorkflowDefinitionReader.MaxDefinitionBytes, cancellationToken, allowDuplicateProperties: true);
        if (body is null)
        {
            return DesignProblems.InvalidRequest("The request body is empty: send a workflow definition as JSON.");
        }

        var result = loader.Load(body.ToJsonString());
        return TypedResults.Ok(new ValidateResponse(result.Definition is not null, ProblemJson.From(result.Problems)));
    }
}

internal sealed record ValidateResponse(bool Readable, IReadOnlyList<ProblemJson> Problems);
