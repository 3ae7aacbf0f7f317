using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Api.Security;
using ServicesSync.Persistence;

namespace ServicesSync.Host.Tests.Api;

public sealed partial class AuthenticationTests(ServicesSyncApiFactory factory) : IClassFixture<ServicesSyncApiFactory>
{
    /// <summary>The only routes anyone may call; adding a route without auth fails the tests below.</summary>
    /// <remarks>
    /// <c>/hooks/{**path}</c> is exempt from the API key scheme on purpose: each webhook trigger
    /// authenticates its own callers (HMAC signature, BambooHR signature, shared secret, or an API
    /// key with the run scope), as its definition says; see tests/…/Hooks.
    /// </remarks>
    private static readonly string[] Anonymous = ["/health", "/api/v1/schemas/workflow", "/openapi/{documentName}.json", "/hooks/{**path}"];

    [Fact]
    public void EveryRoute_OutsideTheAllowlist_RequiresAScopePolicy()
    {
        var endpoints = Routes();
        Assert.NotEmpty(endpoints);
        foreach (var (endpoint, pattern, _) in endpoints)
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToArray();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (Anonymous.Contains(pattern))
            {
                Assert.True(anonymous, $"{pattern} should be anonymous");
            }
            else
            {
                Assert.False(anonymous, $"{pattern} must not allow anonymous access");
                Assert.Contains(policies, p => p is not null && ApiScopes.IsKnown(p));
            }
        }

        Assert.All(Anonymous, a => Assert.Contains(endpoints, e => e.Pattern == a));
    }

    [Fact]
    public async Task EveryProtectedRoute_WithoutAKey_Returns401Problem()
    {
        var client = factory.CreateClient();
        foreach (var (_, pattern, methods) in Routes().Where(r => !Anonymous.Contains(r.Pattern)))
        {
            foreach (var method in methods)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Concrete(pattern)));
                var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
                Assert.Contains("X-Api-Key", ProblemAssert.Detail(problem), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ProtectedRoute_WithAnUnknownKey_Returns401Problem()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, ApiKeys.Generate());

        using var response = await client.GetAsync(new Uri("/api/v1/workflows", UriKind.Relative));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("not valid or has been revoked", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtectedRoute_WithARevokedKey_Returns401Problem()
    {
        var key = await factory.CreateKeyAsync(ApiScopes.Read);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        using (var before = await client.GetAsync(new Uri("/api/v1/workflows", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var store = factory.Services.GetRequiredService<IApiKeyStore>();
        var record = await store.FindApiKeyByHashAsync(ApiKeys.Hash(key), CancellationToken.None);
        await store.RevokeApiKeyAsync(record!.Id, DateTimeOffset.UtcNow, CancellationToken.None);

        using var after = await client.GetAsync(new Uri("/api/v1/workflows", UriKind.Relative));
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("GET", "/api/v1/workflows", ApiScopes.Write, "read")]
    [InlineData("GET", "/api/v1/activity-types", ApiScopes.Run, "read")]
    [InlineData("POST", "/api/v1/workflows", ApiScopes.Read, "write")]
    [InlineData("DELETE", "/api/v1/workflows/x", ApiScopes.Run, "write")]
    [InlineData("POST", "/api/v1/workflows/x/publish", ApiScopes.Read, "write")]
    [InlineData("POST", "/api/v1/workflows/x/runs", ApiScopes.Write, "run")]
    [InlineData("POST", "/api/v1/instances/x/cancel", ApiScopes.Read, "run")]
    [InlineData("POST", "/api/v1/dead-letters/x/discard", ApiScopes.Write, "run")]
    public async Task Route_WithAKeyLackingItsScope_Returns403ProblemNamingTheScope(string method, string path, string keyScope, string needed)
    {
        var client = await factory.CreateClientWithScopesAsync(keyScope);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains($"'{needed}'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_IsAnonymous_AndShowsNoStoreDescriptionWithoutAKey()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        var health = await HttpJson.ReadAsync(response);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        // The description names the data file's path.
        Assert.False(health.TryGetProperty("store", out _));
    }

    [Fact]
    public async Task Health_WithAValidKey_DescribesTheStore()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read);

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        var health = await HttpJson.ReadAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(health.GetProperty("store").GetString()));
    }

    [Fact]
    public async Task WorkflowSchema_IsAnonymous_AndServedAsJsonSchema()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/v1/schemas/workflow", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = await HttpJson.ReadAsync(response);
        Assert.Equal("object", schema.GetProperty("type").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_IsAnonymous_AndDescribesTheApiKeyScheme()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        var document = await HttpJson.ReadAsync(response);
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        var publish = document.GetProperty("paths").GetProperty("/api/v1/workflows/{id}/publish").GetProperty("post");
        var requirement = publish.GetProperty("security")[0].GetProperty("ApiKey");
        Assert.Equal("write", requirement[0].GetString());
        var health = document.GetProperty("paths").GetProperty("/health").GetProperty("get");
        Assert.False(health.TryGetProperty("security", out _));
    }

    private List<(RouteEndpoint Endpoint, string Pattern, IReadOnlyList<string> Methods)> Routes()
        => factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (e, "/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? (IReadOnlyList<string>)["GET"]))
            .ToList();

    /// <summary>A request path for a route pattern: every parameter gets a plausible value.</summary>
    private static string Concrete(string pattern)
        => RouteParameter().Replace(pattern, m => m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
