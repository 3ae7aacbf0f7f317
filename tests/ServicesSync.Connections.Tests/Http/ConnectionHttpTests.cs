using Microsoft.AspNetCore.Http;
using ServicesSync.Errors;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Connections.Tests.Http;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the fields in IAsyncLifetime.DisposeAsync.")]
public sealed class ConnectionHttpTests : IAsyncLifetime
{
    private const string Canary = "canary-token-51c0e";
    private ConnectionsHarness harness = null!;
    private StubServer stub = null!;

    public async Task InitializeAsync()
    {
        harness = new ConnectionsHarness();
        stub = await StubServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"ok":true}""");
        });
    }

    public async Task DisposeAsync()
    {
        await stub.DisposeAsync();
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_TextBodyWithANonJsonContentType_IsSentAsItIs()
    {
        var connection = await AddAsync(new ConnectionResilience());
        const string envelope = "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Body/></env:Envelope>";

        await harness.Http.SendAsync(
            connection,
            new ConnectionRequest(HttpMethod.Post, "ccx/service/acme/Human_Resources/v44.2")
            {
                Body = System.Text.Json.Nodes.JsonValue.Create(envelope),
                Headers = new Dictionary<string, string> { ["Content-Type"] = "text/xml; charset=utf-8" },
            },
            CancellationToken.None);

        var request = Assert.Single(stub.Requests);
        Assert.Equal(envelope, request.Body);
        Assert.StartsWith("text/xml", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TextBodyWithoutAContentType_IsAJsonString()
    {
        var connection = await AddAsync(new ConnectionResilience());

        await harness.Http.SendAsync(
            connection,
            new ConnectionRequest(HttpMethod.Post, "notes") { Body = System.Text.Json.Nodes.JsonValue.Create("hello") },
            CancellationToken.None);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("\"hello\"", request.Body);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        var connection = await AddAsync(new ConnectionResilience { MaxRetries = 2 });
        stub.Enqueue(StubFault.TooManyRequests(2));

        var sending = harness.Http.SendAsync(connection, Get("orders"), CancellationToken.None);
        await Eventually.TrueAsync(() => stub.Requests.Count == 1, "the first attempt");
        var waited = await Eventually.AdvanceUntilAsync(harness.Clock, () => stub.Requests.Count == 2, "the retry");

        var response = await Eventually.Within(sending);
        Assert.Equal(200, response.Status);
        Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4.5));
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_503WithRetryAfterDate_WaitsUntilThatDate()
    {
        var connection = await AddAsync(new ConnectionResilience { MaxRetries = 1 });
        stub.Enqueue(StubFault.UnavailableUntil(harness.Clock.GetUtcNow().AddSeconds(3)));

        var sending = harness.Http.SendAsync(connection, Get("orders"), CancellationToken.None);
        await Eventually.TrueAsync(() => stub.Requests.Count == 1, "the first attempt");
        var waited = await Eventually.AdvanceUntilAsync(harness.Clock, () => stub.Requests.Count == 2, "the retry");

        Assert.Equal(200, (await Eventually.Within(sending)).Status);
        Assert.InRange(waited, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5.5));
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanTheQuickRetryBudget_LeavesItToTheActivityPolicy()
    {
        var connection = await AddAsync(new ConnectionResilience { MaxRetries = 3, MaxRetryDelay = TimeSpan.FromSeconds(5) });
        stub.Enqueue(StubFault.TooManyRequests(120));

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.Http.SendAsync(connection, Get("orders"), CancellationToken.None));

        Assert.Equal(ErrorKind.Transient, error.Kind);
        Assert.True(error.Retryable);
        Assert.Contains("Retry-After: 120 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_PostAnswered500_IsNotResentButFailsRetryable()
    {
        var connection = await AddAsync(new ConnectionResilience { MaxRetries = 3 });
        stub.Enqueue(StubFault.Status(500));

        var error = await Assert.ThrowsAsync<ServicesSyncException>(
            () => harness.Http.SendAsync(connection, new ConnectionRequest(HttpMethod.Post, "orders") { Body = new System.Text.Json.Nodes.JsonObject() }, CancellationToken.None));

        Assert.True(error.Retryable);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_AfterA5xxStorm_OpensTheCircuitAndFailsFastWithoutCallingTheServer()
    {
        var connection = await AddAsync(new ConnectionResilience
        {
            MaxRetries = 0,
            CircuitBreaker = new CircuitBreakerSettings { MinimumThroughput = 4, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30) },
        });
        stub.Enqueue(StubFault.Times(4, () => StubFault.Status(502)));
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<ServicesSyncException>(() => harness.Http.SendAsync(connection, Get("orders"), CancellationToken.None));
        }

        var open = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.Http.SendAsync(connection, Get("orders"), CancellationToken.None));

        Assert.Contains("circuit", open.Message, StringComparison.Ordinal);
        // What tripped it, so a one-off run that only sees this message still learns the cause.
        Assert.Contains("repeated failures (the last: HTTP 502)", open.Message, StringComparison.Ordinal);
        Assert.True(open.Retryable);
        Assert.Equal(4, stub.Requests.Count);
        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(200, (await harness.Http.SendAsync(connection, Get("orders"), CancellationToken.None)).Status);
    }

    [Fact]
    public async Task SendAsync_RateLimit_HoldsRequestsUntilTokensReplenish()
    {
        var connection = await AddAsync(new ConnectionResilience
        {
            MaxRetries = 0,
            RateLimit = new RateLimitSettings { RequestsPerSecond = 1, Burst = 2 },
        });

        var sends = Enumerable.Range(0, 4).Select(i => harness.Http.SendAsync(connection, Get($"orders/{i}"), CancellationToken.None)).ToArray();
        await Eventually.TrueAsync(() => stub.Requests.Count == 2, "the burst");
        Assert.Equal(2, stub.Requests.Count);
        var third = await Eventually.AdvanceUntilAsync(harness.Clock, () => stub.Requests.Count == 3, "the third request");
        var fourth = await Eventually.AdvanceUntilAsync(harness.Clock, () => stub.Requests.Count == 4, "the fourth request");

        await Eventually.Within(Task.WhenAll(sends));
        Assert.InRange(third, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        Assert.InRange(fourth, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3));
        Assert.InRange(third + fourth, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        Assert.Equal(4, stub.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_SlowServer_TimesOutOnTheInjectedClock()
    {
        var connection = await AddAsync(new ConnectionResilience { MaxRetries = 0, Timeout = TimeSpan.FromSeconds(5) });
        var release = new TaskCompletionSource();
        stub.Enqueue(StubFault.Slow(release.Task));

        var sending = harness.Http.SendAsync(connection, Get("orders"), CancellationToken.None);
        await Eventually.TrueAsync(() => stub.Requests.Count == 1, "the slow request");
        harness.Clock.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => Eventually.Within(sending));
        release.SetResult();
        Assert.Equal(ErrorKind.Timeout, error.Kind);
        Assert.Contains("within 5 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, ErrorKind.Configuration, "check the credentials of connection 'api'")]
    [InlineData(403, ErrorKind.Configuration, "check the credentials of connection 'api'")]
    [InlineData(404, ErrorKind.Permanent, "answered 404")]
    [InlineData(422, ErrorKind.Permanent, "answered 422")]
    public async Task SendAsync_ClientErrors_MapToKindsWithConnectionMethodAndUrlButNoQuery(int status, ErrorKind kind, string text)
    {
        var connection = await AddAsync(new ConnectionResilience { MaxRetries = 2 });
        stub.Enqueue(StubFault.Status(status, """{"error":"nope"}"""));

        var error = await Assert.ThrowsAsync<ServicesSyncException>(
            () => harness.Http.SendAsync(connection, new ConnectionRequest(HttpMethod.Get, "orders/7") { Query = new Dictionary<string, string> { ["token"] = "q-secret" } }, CancellationToken.None));

        Assert.Equal(kind, error.Kind);
        Assert.False(error.Retryable);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Contains($"Connection 'api' (rest): GET {stub.BaseUri}orders/7", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("q-secret", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_CanarySecret_NeverAppearsInErrorsOrLogsEvenWhenTheServerEchoesIt()
    {
        await using var echo = await StubServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("upstream failed for " + context.Request.Headers.Authorization);
        });
        var connection = await harness.AddAsync("echo", Rest(echo.BaseUri, new ConnectionResilience { MaxRetries = 1, MaxRetryDelay = TimeSpan.Zero }),
            new Dictionary<string, string> { ["token"] = Canary });

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.Http.SendAsync(connection, Get("x"), CancellationToken.None));
        var tested = await harness.Tester.TestAsync("echo", CancellationToken.None);

        Assert.Equal($"Bearer {Canary}", echo.Requests[0].Headers["Authorization"]);
        Assert.Contains("upstream failed for Bearer ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, error.ToString(), StringComparison.Ordinal);
        Assert.False(tested.Ok);
        Assert.DoesNotContain(Canary, tested.Message, StringComparison.Ordinal);
        Assert.NotEmpty(harness.Logger.Entries);
        Assert.DoesNotContain(Canary, harness.Logger.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, connection.ToString() + connection.Secrets, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_PathToAnotherHost_IsRefusedBeforeSendingCredentials()
    {
        var connection = await AddAsync(new ConnectionResilience());

        var error = await Assert.ThrowsAsync<ServicesSyncException>(
            () => harness.Http.SendAsync(connection, Get("http://192.0.2.1/steal"), CancellationToken.None));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_NetworkFailure_IsTransientAndNamesTheConnection()
    {
        await using var gone = await StubServer.StartAsync((_, _) => Task.CompletedTask);
        var uri = gone.BaseUri;
        await gone.DisposeAsync();
        var connection = await harness.AddAsync("gone", Rest(uri, new ConnectionResilience { MaxRetries = 0 }), new Dictionary<string, string> { ["token"] = Canary });

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.Http.SendAsync(connection, Get("x"), CancellationToken.None));

        Assert.Equal(ErrorKind.Transient, error.Kind);
        Assert.Contains("Connection 'gone'", error.Message, StringComparison.Ordinal);
    }

    private static ConnectionRequest Get(string path) => new(HttpMethod.Get, path);

    private Task<Connection> AddAsync(ConnectionResilience resilience)
        => harness.AddAsync("api", Rest(stub.BaseUri, resilience), new Dictionary<string, string> { ["token"] = Canary });

    private static ConnectionDefinition Rest(Uri baseUri, ConnectionResilience resilience) => new()
    {
        Type = ConnectionTypes.Rest,
        BaseUrl = baseUri.ToString(),
        Auth = new ConnectionAuth { Kind = AuthKinds.Bearer },
        Resilience = resilience,
    };
}
