using System.Net;
using ServicesSync.Api.Security;

namespace ServicesSync.Host.Tests.Api;

/// <summary><c>/api/v1/api-keys</c>: keys created, listed and revoked while the server runs.</summary>
public sealed class ApiKeysApiTests : IClassFixture<ServicesSyncApiFactory>
{
    private readonly ServicesSyncApiFactory factory;

    public ApiKeysApiTests(ServicesSyncApiFactory factory) => this.factory = factory;

    [Fact]
    public async Task Create_ReturnsTheKeyOnce_ItWorksAtOnce_AndTheListShowsItWithoutTheKey()
    {
        using var admin = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);

        using var created = await admin.PostAsync(new Uri("/api/v1/api-keys", UriKind.Relative), HttpJson.Content("""{"name":"portal","scopes":["read"]}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await HttpJson.ReadAsync(created);
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("apiKey").GetProperty("id").GetString()!;
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        using (var read = await client.GetAsync(new Uri("/api/v1/workflows", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var listing = await (await admin.GetAsync(new Uri("/api/v1/api-keys", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains(id, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKeys.Hash(key), listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithAScopeTheCallerLacks_Is403NamingIt()
    {
        using var writer = await factory.CreateClientWithScopesAsync(ApiScopes.Write);

        using var response = await writer.PostAsync(new Uri("/api/v1/api-keys", UriKind.Relative), HttpJson.Content("""{"scopes":["write","run"]}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("lacks run", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"scopes":[]}""", "'scopes' is empty")]
    [InlineData("""{"scopes":["admin"]}""", "holds 'admin'")]
    [InlineData("""{"scopes":["read"],"nmae":"x"}""", "unknown property 'nmae'")]
    [InlineData("""{"scopes":["read"],"name":"a\nb"}""", "no line breaks")]
    [InlineData("""{"name":"x"}""", "'scopes'")]
    public async Task Create_WithABadBody_Is400NamingWhatIsWrong(string json, string named)
    {
        using var admin = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);

        using var response = await admin.PostAsync(new Uri("/api/v1/api-keys", UriKind.Relative), HttpJson.Content(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_MarksTheKeyRevoked_AndAnUnknownIdIs404()
    {
        using var admin = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);
        var created = await HttpJson.ReadAsync(await admin.PostAsync(new Uri("/api/v1/api-keys", UriKind.Relative), HttpJson.Content("""{"scopes":["read"]}""")));
        var id = created.GetProperty("apiKey").GetProperty("id").GetString();

        using var revoked = await admin.PostAsync(new Uri($"/api/v1/api-keys/{id}/revoke", UriKind.Relative), null);
        using var unknown = await admin.PostAsync(new Uri("/api/v1/api-keys/key_nope/revoke", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await HttpJson.ReadAsync(revoked)).GetProperty("revokedAt").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task List_WithoutReadScope_IsForbidden()
    {
        using var runner = await factory.CreateClientWithScopesAsync(ApiScopes.Run);

        using var response = await runner.GetAsync(new Uri("/api/v1/api-keys", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
