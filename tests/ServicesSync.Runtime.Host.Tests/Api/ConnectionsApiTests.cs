using System.Net;
using ServicesSync.Api.Security;

namespace ServicesSync.Host.Tests.Api;

public sealed class ConnectionsApiTests(ServicesSyncApiFactory factory) : IClassFixture<ServicesSyncApiFactory>
{
    private const string Canary = "canary-api-secret-3b9d";

    [Fact]
    public async Task Create_ThenGetAndList_NeverReturnTheSecret()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);

        using var created = await client.PostAsync(new Uri("/api/v1/connections", UriKind.Relative), HttpJson.Content(Tryton("erp-a")));
        var createdText = await created.Content.ReadAsStringAsync();
        using var got = await client.GetAsync(new Uri("/api/v1/connections/erp-a", UriKind.Relative));
        var gotText = await got.Content.ReadAsStringAsync();
        using var listed = await client.GetAsync(new Uri("/api/v1/connections", UriKind.Relative));
        var listText = await listed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/connections/erp-a", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.NotNull(got.Headers.ETag);
        var view = await HttpJson.ReadAsync(got);
        Assert.True(view.GetProperty("hasSecret").GetBoolean());
        Assert.Equal("admin", view.GetProperty("auth").GetProperty("username").GetString());
        Assert.False(view.GetProperty("auth").TryGetProperty("password", out _));
        Assert.DoesNotContain(Canary, createdText + gotText + listText, StringComparison.Ordinal);
        Assert.Contains("\"erp-a\"", listText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidBody_Returns400ListingEveryProblemWithoutValues()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);

        using var response = await client.PostAsync(new Uri("/api/v1/connections", UriKind.Relative), HttpJson.Content($$"""
            { "id": "bad id", "type": "sap", "baseUrl": "http://user:{{Canary}}@host/", "auth": { "kind": "basic" } }
            """));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        var problems = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.StartsWith("id:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("type:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("baseUrl:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("auth.password:", StringComparison.Ordinal));
        Assert.DoesNotContain(Canary, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TakenId_Returns409()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);
        using var first = await client.PostAsync(new Uri("/api/v1/connections", UriKind.Relative), HttpJson.Content(Tryton("erp-b")));

        using var second = await client.PostAsync(new Uri("/api/v1/connections", UriKind.Relative), HttpJson.Content(Tryton("erp-b")));

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict, "already-exists");
    }

    [Fact]
    public async Task Put_WithoutTheSecret_KeepsItAndStaleETagIsRefused()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);
        using var created = await client.PostAsync(new Uri("/api/v1/connections", UriKind.Relative), HttpJson.Content(Tryton("erp-c")));
        var etag = created.Headers.ETag!.ToString();
        var withoutSecret = Tryton("erp-c").Replace($", \"password\": \"{Canary}\"", "", StringComparison.Ordinal).Replace("\"admin\"", "\"ops\"", StringComparison.Ordinal);

        using var replaced = await client.SendAsync(HttpJson.Request(HttpMethod.Put, "/api/v1/connections/erp-c", withoutSecret, etag));
        using var stale = await client.SendAsync(HttpJson.Request(HttpMethod.Put, "/api/v1/connections/erp-c", withoutSecret, etag));

        var view = await HttpJson.ReadAsync(replaced);
        Assert.Equal("ops", view.GetProperty("auth").GetProperty("username").GetString());
        Assert.True(view.GetProperty("hasSecret").GetBoolean());
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict, "edit-conflict");
    }

    [Fact]
    public async Task Delete_WithStaleIfMatch_IsAnEditConflictAndKeepsTheConnection()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);
        using var created = await client.PostAsync(new Uri("/api/v1/connections", UriKind.Relative), HttpJson.Content(Tryton("erp-g")));
        var loaded = created.Headers.ETag!.ToString();
        using var changed = await client.SendAsync(HttpJson.Request(HttpMethod.Put, "/api/v1/connections/erp-g", Tryton("erp-g").Replace("\"admin\"", "\"ops\"", StringComparison.Ordinal), loaded));

        using var stale = await client.SendAsync(HttpJson.Request(HttpMethod.Delete, "/api/v1/connections/erp-g", ifMatch: loaded));
        using var current = await client.SendAsync(HttpJson.Request(HttpMethod.Delete, "/api/v1/connections/erp-g", ifMatch: changed.Headers.ETag!.ToString()));

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict, "edit-conflict");
        Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
    }

    [Fact]
    public async Task Delete_ThenGet_Returns404()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);
        using var created = await client.PostAsync(new Uri("/api/v1/connections", UriKind.Relative), HttpJson.Content(Tryton("erp-d")));

        using var deleted = await client.DeleteAsync(new Uri("/api/v1/connections/erp-d", UriKind.Relative));
        using var again = await client.DeleteAsync(new Uri("/api/v1/connections/erp-d", UriKind.Relative));
        using var got = await client.GetAsync(new Uri("/api/v1/connections/erp-d", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(got, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Test_UnreachableServer_ReportsFailureAsDataWithoutTheSecret()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);
        using var created = await client.PostAsync(new Uri("/api/v1/connections", UriKind.Relative), HttpJson.Content(Tryton("erp-e", "http://127.0.0.1:9/")));

        using var tested = await client.PostAsync(new Uri("/api/v1/connections/erp-e/test", UriKind.Relative), null);

        var result = await HttpJson.ReadAsync(tested);
        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Contains("erp-e", result.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, result.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/v1/connections", ApiScopes.Write, "read")]
    [InlineData("POST", "/api/v1/connections", ApiScopes.Read, "write")]
    [InlineData("POST", "/api/v1/connections/x/test", ApiScopes.Read, "write")]
    public async Task Route_WithAKeyLackingItsScope_Returns403(string method, string path, string keyScope, string needed)
    {
        var client = await factory.CreateClientWithScopesAsync(keyScope);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains($"'{needed}'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    private static string Tryton(string id, string baseUrl = "http://127.0.0.1:18071/") => $$"""
        { "id": "{{id}}", "type": "tryton", "baseUrl": "{{baseUrl}}",
          "auth": { "kind": "trytonSession", "username": "admin", "database": "erp", "password": "{{Canary}}" },
          "resilience": { "maxRetries": 0 } }
        """;
}
