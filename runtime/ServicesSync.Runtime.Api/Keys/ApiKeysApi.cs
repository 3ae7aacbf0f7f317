using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Api.Http;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Keys;

/// <summary>
/// API keys managed while servers run (what <c>servicessync apikey</c> does on the store). A key
/// may only create keys with scopes it holds itself, so <c>write</c> alone cannot mint a
/// <c>run</c> key; the new key is returned once and stored hashed.
/// </summary>
internal static class ApiKeysApi
{
    private const int MaxBodyBytes = 4 * 1024;

    public static void MapApiKeysApi(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys");
        keys.MapGet("", ListAsync).RequireAuthorization(ApiScopes.Read)
            .WithName("ListApiKeys").WithSummary("Every key with id, prefix, scopes, creation and revocation time; never the keys.");
        keys.MapPost("", CreateAsync).RequireAuthorization(ApiScopes.Write)
            .WithName("CreateApiKey").WithSummary("Creates a key {name, scopes} with scopes the caller holds; the key is in the answer, once.")
            .Accepts<object>("application/json");
        keys.MapPost("/{id}/revoke", RevokeAsync).RequireAuthorization(ApiScopes.Write)
            .WithName("RevokeApiKey").WithSummary("Revokes a key; servers refuse it within their key cache time.");
    }

    internal static async Task<Ok<ApiKeyView[]>> ListAsync(IApiKeyStore store, CancellationToken cancellationToken)
        => TypedResults.Ok((await store.ListApiKeysAsync(cancellationToken)).Select(ApiKeyView.From).ToArray());

    internal static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, ClaimsPrincipal caller, IApiKeyStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadJsonAsync(request, MaxBodyBytes, cancellationToken);
        if (body is not JsonObject fields || fields["scopes"] is not JsonArray scopeArray)
        {
            return ApiProblems.InvalidRequest("The body must be an object with 'scopes' (an array of read, write, run) and optionally 'name' (a string).");
        }

        if (fields.Select(p => p.Key).FirstOrDefault(k => k is not ("name" or "scopes")) is { } unknown)
        {
            return ApiProblems.InvalidRequest($"The key has an unknown property '{unknown}'; the properties are 'name' and 'scopes'.");
        }

        var scopes = new List<string>();
        foreach (var item in scopeArray)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var scope) || !ApiScopes.IsKnown(scope))
            {
                var shown = item is JsonValue text && text.TryGetValue<string>(out var unknownScope) ? $"'{unknownScope}'" : item?.ToJsonString() ?? "null";
                return ApiProblems.InvalidRequest($"'scopes' holds {shown}; each scope is one of {string.Join(", ", ApiScopes.All)}.");
            }

            scopes.Add(scope);
        }

        string? name = null;
        if (fields["name"] is { } nameNode && (nameNode is not JsonValue nameValue || !nameValue.TryGetValue(out name)))
        {
            return ApiProblems.InvalidRequest("'name' must be a string.");
        }

        if (scopes.Count == 0)
        {
            return ApiProblems.InvalidRequest("'scopes' is empty; give at least one of read, write, run.");
        }

        if (ApiKeys.NameProblem(name) is { } problem)
        {
            return ApiProblems.InvalidRequest($"'name': {problem}.");
        }

        var held = caller.FindAll(ApiScopes.ClaimType).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        if (scopes.Where(s => !held.Contains(s)).Distinct(StringComparer.Ordinal).ToArray() is { Length: > 0 } beyond)
        {
            return ApiProblems.Create(ProblemKinds.Forbidden, $"A key can only grant scopes it holds itself; yours lacks {string.Join(", ", beyond)}.");
        }

        var key = ApiKeys.Generate();
        var record = ApiKeys.CreateRecord(key, string.IsNullOrWhiteSpace(name) ? "unnamed" : name.Trim(), scopes, clock.GetUtcNow());
        await store.AddApiKeyAsync(record, cancellationToken);
        return TypedResults.Created($"{ApiEndpointRouteBuilderExtensions.BasePath}/api-keys/{record.Id}", new CreatedApiKey(ApiKeyView.From(record), key));
    }

    internal static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> RevokeAsync(
        string id, IApiKeyStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await store.RevokeApiKeyAsync(id, clock.GetUtcNow(), cancellationToken))
        {
            return ApiProblems.NotFound($"No API key has id '{id}'.");
        }

        var revoked = (await store.ListApiKeysAsync(cancellationToken)).First(k => k.Id == id);
        return TypedResults.Ok(ApiKeyView.From(revoked));
    }
}

/// <summary>A key as listings show it: never the key, never its hash.</summary>
internal sealed record ApiKeyView(string Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView From(ApiKeyRecord record) => new(record.Id, record.Name, record.Prefix, record.Scopes, record.CreatedAt, record.RevokedAt);
}

/// <summary>A new key: the only answer that carries the key itself.</summary>
internal sealed record CreatedApiKey(ApiKeyView ApiKey, string Key);
