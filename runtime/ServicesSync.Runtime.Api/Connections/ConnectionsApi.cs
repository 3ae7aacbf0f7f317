using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Api.Http;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;
using ServicesSync.Connections;
using ServicesSync.Errors;

namespace ServicesSync.Api.Connections;

/// <summary>
/// Connections to outside systems. Secret fields are write-only: they are accepted inside
/// <c>auth</c>, stored encrypted, and never returned; responses say <c>hasSecret</c> instead.
/// </summary>
internal static class ConnectionsApi
{
    /// <summary>A connection is a few hundred bytes; this leaves room for long certificates or tokens.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static void MapConnectionsApi(this IEndpointRouteBuilder api)
    {
        var connections = api.MapGroup("/connections").WithTags("Connections");
        connections.MapGet("", ListAsync).RequireAuthorization(ApiScopes.Read)
            .WithName("ListConnections").WithSummary("Every connection, without secret values.");
        connections.MapGet("/{id}", GetAsync).RequireAuthorization(ApiScopes.Read)
            .WithName("GetConnection").WithSummary("One connection with its ETag; secrets show as hasSecret.");
        connections.MapPost("", CreateAsync).RequireAuthorization(ApiScopes.Write)
            .WithName("CreateConnection").WithSummary("Creates a connection; secret fields inside auth are stored encrypted.")
            .Accepts<object>("application/json");
        connections.MapPut("/{id}", ReplaceAsync).RequireAuthorization(ApiScopes.Write)
            .WithName("ReplaceConnection").WithSummary("Replaces a connection; secret fields left out keep their value while the auth kind stays.")
            .Accepts<object>("application/json");
        connections.MapDelete("/{id}", DeleteAsync).RequireAuthorization(ApiScopes.Write)
            .WithName("DeleteConnection").WithSummary("Deletes a connection; with If-Match only the version you loaded.");
        connections.MapPost("/secrets/rotate", RotateAsync).RequireAuthorization(ApiScopes.Write)
            .WithName("RotateConnectionSecrets").WithSummary("Re-encrypts every connection still under a previous key with the current key.");
        connections.MapPost("/{id}/test", TestAsync).RequireAuthorization(ApiScopes.Write)
            .WithName("TestConnection").WithSummary("Makes one authenticated call through the connection and reports the outcome.");
    }

    internal static async Task<Ok<JsonObject[]>> ListAsync(IConnectionService service, CancellationToken cancellationToken)
        => TypedResults.Ok((await service.ListAsync(cancellationToken)).Select(ConnectionJson.ToView).ToArray());

    internal static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(
        string id, HttpResponse response, IConnectionService service, CancellationToken cancellationToken)
    {
        if (await service.FindSummaryAsync(id, cancellationToken) is not { } info)
        {
            return ApiProblems.NotFound($"Connection '{id}' does not exist.");
        }

        response.Headers.ETag = ETags.ToHeader(info.ETag);
        return TypedResults.Ok(ConnectionJson.ToView(info));
    }

    internal static async Task<Results<Created<JsonObject>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, IConnectionService service, CancellationToken cancellationToken)
    {
        var (input, problem) = await ReadAsync(request, urlId: null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await service.FindSummaryAsync(input!.Id, cancellationToken) is not null)
        {
            return ApiProblems.Create(ProblemKinds.AlreadyExists, $"A connection with id '{input.Id}' already exists; change it with PUT /api/v1/connections/{input.Id}.");
        }

        ConnectionSummary created;
        try
        {
            created = await service.CreateAsync(input.Id, input.Definition!, input.Secrets, cancellationToken);
        }
        catch (ConflictException)
        {
            return ApiProblems.Create(ProblemKinds.AlreadyExists, $"A connection with id '{input.Id}' already exists.");
        }

        request.HttpContext.Response.Headers.ETag = ETags.ToHeader(created.ETag);
        return TypedResults.Created($"/api/v1/connections/{Uri.EscapeDataString(created.Id)}", ConnectionJson.ToView(created));
    }

    internal static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ReplaceAsync(
        string id, HttpRequest request, IConnectionService service, CancellationToken cancellationToken)
    {
        var (input, problem) = await ReadAsync(request, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var current = await service.FindSummaryAsync(id, cancellationToken);
        if (current is null)
        {
            return ApiProblems.NotFound($"Connection '{id}' does not exist; create it with POST /api/v1/connections.");
        }

        var ifMatch = ETags.IfMatch(request);
        if (ifMatch is not null && !ETags.Matches(ifMatch, current.ETag))
        {
            return EditConflict();
        }

        ConnectionSummary? saved;
        try
        {
            saved = await service.UpdateAsync(id, input!.Definition!, input.Secrets, current.ETag, cancellationToken);
        }
        catch (ConflictException)
        {
            return EditConflict();
        }

        if (saved is null)
        {
            return ApiProblems.NotFound($"Connection '{id}' does not exist.");
        }

        request.HttpContext.Response.Headers.ETag = ETags.ToHeader(saved.ETag);
        return TypedResults.Ok(ConnectionJson.ToView(saved));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpRequest request, IConnectionService service, CancellationToken cancellationToken)
    {
        // A stale If-Match must not delete what someone else changed since the caller loaded it.
        // The store deletes by id only, so a change between this check and the delete still
        // goes through; the window is one store round trip.
        if (ETags.IfMatch(request) is { } ifMatch)
        {
            if (await service.FindSummaryAsync(id, cancellationToken) is not { } current)
            {
                return ApiProblems.NotFound($"Connection '{id}' does not exist.");
            }

            if (!ETags.Matches(ifMatch, current.ETag))
            {
                return EditConflict();
            }
        }

        return await service.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound($"Connection '{id}' does not exist.");
    }

    internal static async Task<Ok<JsonObject>> RotateAsync(IConnectionService service, CancellationToken cancellationToken)
        => TypedResults.Ok(new JsonObject { ["rewritten"] = await service.RotateAsync(cancellationToken) });

    internal static async Task<Results<Ok<ConnectionTestResult>, ProblemHttpResult>> TestAsync(
        string id, IConnectionService service, ConnectionTester tester, CancellationToken cancellationToken)
    {
        if (await service.FindSummaryAsync(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound($"Connection '{id}' does not exist.");
        }

        return TypedResults.Ok(await tester.TestAsync(id, cancellationToken));
    }

    private static async Task<(ConnectionInput? Input, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, string? urlId, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadJsonAsync(request, MaxBodyBytes, cancellationToken) is not JsonObject body)
        {
            return (null, ApiProblems.InvalidRequest("The body must be a JSON object describing the connection (id, type, baseUrl, auth)."));
        }

        var input = ConnectionJson.Read(body, urlId);
        var problems = input.Problems.ToList();
        if (input.Definition is not null && problems.Count == 0)
        {
            // Secrets missing from a PUT may be kept from the stored version: the service checks those.
            var secretsToCheck = urlId is null ? input.Secrets : WithPlaceholders(input);
            problems.AddRange(ConnectionValidator.Validate(input.Id, input.Definition, secretsToCheck));
        }

        return problems.Count == 0
            ? (input, null)
            : (null, ApiProblems.Create(ProblemKinds.InvalidRequest, $"The connection is not valid: {problems.Count} problem(s).", [new("problems", problems)]));
    }

    private static Dictionary<string, string> WithPlaceholders(ConnectionInput input)
    {
        var secrets = new Dictionary<string, string>(input.Secrets, StringComparer.Ordinal);
        foreach (var field in AuthKinds.SecretFields(input.Definition!.Auth.Kind))
        {
            secrets.TryAdd(field, "kept");
        }

        return secrets;
    }

    private static ProblemHttpResult EditConflict()
        => ApiProblems.Create(ProblemKinds.EditConflict, "the connection was changed by someone else since you loaded it: reload it and apply the change again");
}
