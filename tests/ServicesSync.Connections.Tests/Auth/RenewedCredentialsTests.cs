using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Connections.Tests.Auth;

public sealed class RenewedCredentialsTests
{
    [Fact]
    public async Task TrytonSession_ExpiredSession_LogsInOnceMoreAndResends()
    {
        var logins = 0;
        await using var tryton = await StubServer.StartAsync(async (context, body) =>
        {
            var call = JsonNode.Parse(body)!;
            context.Response.ContentType = "application/json";
            if ((string?)call["method"] == "common.db.login")
            {
                Assert.Equal("s3cret-pw", (string?)call["params"]![1]!["password"]);
                var session = ++logins == 1 ? "s1" : "s2";
                await context.Response.WriteAsync($$"""{"id":0,"result":[1,"{{session}}"]}""");
                return;
            }

            // The first session has expired by the time the call arrives.
            var expected = "Session " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:1:s2"));
            if (context.Request.Headers.Authorization != expected)
            {
                context.Response.StatusCode = 401;
                return;
            }

            await context.Response.WriteAsync("""{"id":1,"result":"6.0.29"}""");
        });
        await using var harness = new ConnectionsHarness();
        var connection = await harness.AddAsync(
            "erp",
            new ConnectionDefinition
            {
                Type = ConnectionTypes.Tryton,
                BaseUrl = tryton.BaseUri.ToString(),
                Auth = new ConnectionAuth { Kind = AuthKinds.TrytonSession, Username = "admin", Database = "erp" },
            },
            new Dictionary<string, string> { ["password"] = "s3cret-pw" });

        var response = await harness.Http.SendAsync(
            connection, new ConnectionRequest(HttpMethod.Post, "erp/") { Body = new JsonObject { ["id"] = 1, ["method"] = "common.server.version", ["params"] = new JsonArray() } },
            CancellationToken.None);

        Assert.Equal("6.0.29", (string?)response.Body!["result"]);
        Assert.Equal(2, logins);
        Assert.All(tryton.Requests, r => Assert.Equal("/erp/", r.PathAndQuery));
        Assert.DoesNotContain("s3cret-pw", harness.Logger.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuth2ClientCredentials_CachesTheTokenUntilShortlyBeforeExpiry()
    {
        var issued = 0;
        await using var api = await StubServer.StartAsync(async (context, body) =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Path == "/token")
            {
                Assert.Contains("grant_type=client_credentials", body, StringComparison.Ordinal);
                Assert.Contains("scope=time.write", body, StringComparison.Ordinal);
                Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-1:cl%2Bsecret")), context.Request.Headers.Authorization.ToString());
                await context.Response.WriteAsync($$"""{"access_token":"tok-{{++issued}}","token_type":"Bearer","expires_in":3600}""");
                return;
            }

            await context.Response.WriteAsync($$"""{"auth":"{{context.Request.Headers.Authorization}}"}""");
        });
        await using var harness = new ConnectionsHarness();
        var connection = await harness.AddAsync(
            "crm",
            new ConnectionDefinition
            {
                Type = ConnectionTypes.Salesforce,
                BaseUrl = api.BaseUri.ToString(),
                Auth = new ConnectionAuth { Kind = AuthKinds.OAuth2ClientCredentials, TokenEndpoint = api.BaseUri + "token", ClientId = "client-1", Scope = "time.write" },
            },
            new Dictionary<string, string> { ["clientSecret"] = "cl+secret" });

        // What the server saw: an echo of the token in the response would be redacted on the way out.
        async Task<string?> CallAsync()
        {
            await harness.Http.SendAsync(connection, new ConnectionRequest(HttpMethod.Get, "data"), CancellationToken.None);
            return api.Requests[^1].Headers["Authorization"];
        }

        Assert.Equal("Bearer tok-1", await CallAsync());
        Assert.Equal("Bearer tok-1", await CallAsync());
        harness.Clock.Advance(TimeSpan.FromSeconds(3600 - 61));
        Assert.Equal("Bearer tok-1", await CallAsync());
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Bearer tok-2", await CallAsync());
        Assert.Equal(2, issued);
    }
}
