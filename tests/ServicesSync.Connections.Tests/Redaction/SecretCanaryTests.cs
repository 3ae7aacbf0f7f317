using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Errors;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Connections.Tests.Redaction;

/// <summary>
/// A loopback server that quotes back everything it was sent (headers, query, form or JSON body)
/// in its error bodies, against every auth kind: no secret may come out of the pipeline in any
/// encoding, whether in an error, a connection test, a response or a log.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the fields in IAsyncLifetime.DisposeAsync.")]
public sealed class SecretCanaryTests : IAsyncLifetime
{
    /// <summary>Characters that every encoding writes differently: '+', '/', '=', ' ', '&amp;', '*', '~'.</summary>
    private const string Canary = "Cn4ry+s3cr/t=x y&z*~";

    private ConnectionsHarness harness = null!;
    private StubServer echo = null!;

    public static TheoryData<string> AuthKinds() =>
    [
        "oauth2-body", "oauth2-basic", "oauth2-token", "bearer", "basic", "apiKey", "netsuiteTba", "trytonSession", "trytonLoginRefused",
        "redmineApiKey", "bambooHrApiKey", "tempo",
    ];

    public async Task InitializeAsync()
    {
        harness = new ConnectionsHarness();
        echo = await StubServer.StartAsync(EchoAsync);
    }

    public async Task DisposeAsync()
    {
        await echo.DisposeAsync();
        await harness.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(AuthKinds))]
    public async Task SendAsync_ServerEchoesTheCredentialsInItsError_NoSecretInTheError(string kind)
    {
        var connection = await AddAsync(kind);

        var error = await Assert.ThrowsAsync<ServicesSyncException>(
            () => harness.Http.SendAsync(connection, new ConnectionRequest(HttpMethod.Post, "echo?probe=1") { Body = new JsonObject { ["a"] = 1 } }, CancellationToken.None));

        Assert.NotEmpty(echo.Requests);
        AssertClean(error.ToString(), kind);
        AssertClean(harness.Logger.AllText(), kind);
    }

    [Theory]
    [MemberData(nameof(AuthKinds))]
    public async Task TestAsync_ServerEchoesTheCredentials_NoSecretInTheTestResult(string kind)
    {
        await AddAsync(kind);

        var result = await harness.Tester.TestAsync("canary", CancellationToken.None);

        Assert.False(result.Ok);
        AssertClean(result.Message, kind);
        AssertClean(harness.Logger.AllText(), kind);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("basic")]
    [InlineData("apiKey")]
    [InlineData("oauth2-token")]
    [InlineData("bambooHrApiKey")]
    public async Task SendAsync_AcceptedResponseEchoesTheCredentials_TheOutputIsScrubbed(string kind)
    {
        var connection = await AddAsync(kind);

        var response = await harness.Http.SendAsync(connection, new ConnectionRequest(HttpMethod.Get, "echo?probe=1") { AcceptStatus = [422] }, CancellationToken.None);

        Assert.Equal(422, response.Status);
        Assert.Contains("***", response.ToJson().ToJsonString(), StringComparison.Ordinal);
        AssertClean(response.ToJson().ToJsonString(), kind);
    }

    [Fact]
    public async Task SendAsync_RequestSecretsInTheQuery_AreScrubbedLikeTheConnectionsOwn()
    {
        var connection = await AddAsync("none");

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.Http.SendAsync(
            connection,
            new ConnectionRequest(HttpMethod.Get, "echo") { Query = new Dictionary<string, string> { ["api_key"] = Canary }, Secrets = [Canary] },
            CancellationToken.None));

        Assert.Contains("***", error.Message, StringComparison.Ordinal);
        AssertClean(error.ToString(), "none");
    }

    [Fact]
    public async Task SendAsync_UnexpectedFailureQuotingTheSecret_BecomesAnInternalErrorWithoutIt()
    {
        await using var quoting = new ConnectionsHarness(configure: services => services
            .AddHttpClient("ServicesSync.Connections")
            .ConfigurePrimaryHttpMessageHandler(() => new QuotingHandler()));
        await quoting.Connections.CreateAsync(
            "quoting",
            new ConnectionDefinition { Type = "rest", BaseUrl = "http://127.0.0.1:9/", Auth = new ConnectionAuth { Kind = ServicesSync.Connections.AuthKinds.Bearer } },
            new Dictionary<string, string> { ["token"] = Canary },
            CancellationToken.None);
        var connection = await quoting.Connections.GetAsync("quoting", CancellationToken.None);

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => quoting.Http.SendAsync(connection, new ConnectionRequest(HttpMethod.Get, "x"), CancellationToken.None));

        Assert.Equal(ErrorKind.Internal, error.Kind);
        Assert.Contains("InvalidOperationException", error.Message, StringComparison.Ordinal);
        AssertClean(error.ToString(), "bearer");
    }

    /// <summary>A handler that fails the way a buggy library might: quoting the header it was given.</summary>
    private sealed class QuotingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => throw new InvalidOperationException($"cannot send with {request.Headers.Authorization}");
    }

    /// <summary>The canary in every form it travels or is echoed in, plus the derived credentials of the kind.</summary>
    private static void AssertClean(string text, string kind)
    {
        string[] forms =
        [
            Canary,
            Uri.EscapeDataString(Canary),
            Uri.EscapeDataString(Canary).ToLowerInvariant(),
            WebUtility.UrlEncode(Canary),
            System.Text.Json.JsonSerializer.Serialize(Canary).Trim('"'),
            "Cn4ry",
            Basic("integration", Canary),
            Basic(Canary, "x"),
            Basic("client-1", Uri.EscapeDataString(Canary)),
            "tok-a1b2c3d4-" + Canary.Length,
            "SESSION-cafe",
        ];
        foreach (var form in forms)
        {
            Assert.False(text.Contains(form, StringComparison.Ordinal), $"{kind}: '{form}' leaked in: {text}");
        }
    }

    private static string Basic(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    private async Task<Connection> AddAsync(string kind)
    {
        var resilience = new ConnectionResilience { MaxRetries = 0 };
        var baseUrl = echo.BaseUri.ToString();
        var (type, auth, secrets) = kind switch
        {
            "oauth2-body" => ("rest", OAuth(baseUrl + "token-echo", "body"), new Dictionary<string, string> { ["clientSecret"] = Canary }),
            "oauth2-basic" => ("rest", OAuth(baseUrl + "token-echo", "basic"), new() { ["clientSecret"] = Canary }),
            "oauth2-token" => ("rest", OAuth(baseUrl + "token-ok", "body"), new() { ["clientSecret"] = Canary }),
            "bearer" => ("rest", new ConnectionAuth { Kind = ServicesSync.Connections.AuthKinds.Bearer }, new() { ["token"] = Canary }),
            "tempo" => ("tempo", new ConnectionAuth { Kind = ServicesSync.Connections.AuthKinds.Bearer }, new() { ["token"] = Canary }),
            "basic" => ("rest", new ConnectionAuth { Kind = ServicesSync.Connections.AuthKinds.Basic, Username = "integration" }, new() { ["password"] = Canary }),
            "apiKey" => ("rest", new ConnectionAuth { Kind = ServicesSync.Connections.AuthKinds.ApiKey, HeaderName = "X-Api-Key" }, new() { ["key"] = Canary }),
            "netsuiteTba" => ("netsuite", new ConnectionAuth { Kind = ServicesSync.Connections.AuthKinds.NetSuiteTba, AccountId = "1234567_SB1" }, new()
            {
                ["consumerKey"] = Canary + "ck", ["consumerSecret"] = Canary + "cs", ["tokenId"] = Canary + "ti", ["tokenSecret"] = Canary + "ts",
            }),
            "trytonSession" => ("tryton", new ConnectionAuth { Kind = ServicesSync.Connections.AuthKinds.TrytonSession, Username = "integration", Database = "erp" }, new() { ["password"] = Canary }),
            "trytonLoginRefused" => ("tryton", new ConnectionAuth { Kind = ServicesSync.Connections.AuthKinds.TrytonSession, Username = "integration", Database = "refuse" }, new() { ["password"] = Canary }),
            "redmineApiKey" => ("redmine", new ConnectionAuth { Kind = ServicesSync.Connections.AuthKinds.RedmineApiKey }, new() { ["apiKey"] = Canary }),
            "bambooHrApiKey" => ("bamboohr", new ConnectionAuth { Kind = ServicesSync.Connections.AuthKinds.BambooHrApiKey }, new() { ["apiKey"] = Canary }),
            _ => ("rest", new ConnectionAuth(), new Dictionary<string, string>()),
        };
        var properties = type == "bamboohr" ? new Dictionary<string, string> { ["companyDomain"] = "acme" } : new Dictionary<string, string>();
        return await harness.AddAsync(
            "canary",
            new ConnectionDefinition { Type = type, BaseUrl = baseUrl, Auth = auth, Resilience = resilience, Properties = properties },
            secrets);
    }

    private static ConnectionAuth OAuth(string endpoint, string clientAuthentication) => new()
    {
        Kind = ServicesSync.Connections.AuthKinds.OAuth2ClientCredentials,
        TokenEndpoint = endpoint,
        ClientId = "client-1",
        ClientAuthentication = clientAuthentication,
    };

    private static Task JsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>The worst server: it quotes back what it got, in the error field and the description.</summary>
    private static Task EchoAsync(HttpContext context, string body)
    {
        var path = context.Request.Path.Value ?? "";
        var quoted = $"auth={context.Request.Headers.Authorization} key={context.Request.Headers["X-Api-Key"]}{context.Request.Headers["X-Redmine-API-Key"]} "
                     + $"query={context.Request.QueryString} body={body}";
        if (path == "/token-ok")
        {
            return JsonAsync(context, 200, new JsonObject { ["access_token"] = "tok-a1b2c3d4-" + Canary.Length, ["expires_in"] = 3600 });
        }

        if (path == "/erp/" && body.Contains("common.db.login", StringComparison.Ordinal))
        {
            return JsonAsync(context, 200, new JsonObject { ["result"] = new JsonArray(7, "SESSION-cafe") });
        }

        // Tokens, logins and the connection test's GET of the base URL fail; other calls get 422.
        var status = path is "/" ? 500 : 422;
        return JsonAsync(context, path.StartsWith("/token", StringComparison.Ordinal) || path == "/refuse/" ? 400 : status, new JsonObject
        {
            ["error"] = "invalid_request " + quoted,
            ["error_description"] = quoted,
        });
    }
}
