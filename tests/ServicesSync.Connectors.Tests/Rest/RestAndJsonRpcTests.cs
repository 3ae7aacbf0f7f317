using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServicesSync.Connections;
using ServicesSync.Connectors.JsonRpc;
using ServicesSync.Connectors.Rest;
using ServicesSync.Connectors.Tests.Support;
using ServicesSync.Errors;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Connectors.Tests.Rest;

public sealed class RestAndJsonRpcTests
{
    [Fact]
    public async Task RestRequest_UsesTheConnectionsBaseUrlAndAuth_AndOutputsStatusHeadersBody()
    {
        await using var api = await StubServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 201;
            context.Response.Headers.Location = "/api/orders/9";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":9}""");
        });
        await using var harness = new ConnectorsHarness();
        await harness.AddConnectionAsync("api", StubConnections.Bearer(ConnectionTypes.Rest, new Uri(api.BaseUri, "api/")), StubConnections.Token("tok"));

        var result = await harness.RunAsync<RestRequestActivity>(new JsonObject
        {
            ["connection"] = "api", ["method"] = "post", ["path"] = "orders", ["query"] = new JsonObject { ["dry run"] = "no" }, ["body"] = new JsonObject { ["n"] = 1 },
        });

        Assert.Equal(201, (int)result.Output!["status"]!);
        Assert.Equal("/api/orders/9", (string?)result.Output["headers"]!["location"]);
        Assert.Equal(9, (int)result.Output["body"]!["id"]!);
        var request = Assert.Single(api.Requests);
        Assert.Equal("/api/orders?dry%20run=no", request.PathAndQuery);
        Assert.Equal("Bearer tok", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task RestRequest_Paging_ReadsEveryPageByOffsetWhileMoreIsSet_AndOutputsAllItems()
    {
        await using var api = await StubServer.StartAsync(async (context, _) =>
        {
            var offset = context.Request.Query["offset"].ToString();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(offset == "0"
                ? """{"items":[{"n":1},{"n":2}],"hasMore":true}"""
                : """{"items":[{"n":3}],"hasMore":false}""");
        });
        await using var harness = new ConnectorsHarness();
        await harness.AddConnectionAsync("api", StubConnections.Bearer(ConnectionTypes.Rest, api.BaseUri), StubConnections.Token("tok"));

        var result = await harness.RunAsync<RestRequestActivity>(new JsonObject
        {
            ["connection"] = "api", ["method"] = "post", ["path"] = "query", ["body"] = new JsonObject { ["q"] = "SELECT 1" },
            ["paging"] = new JsonObject { ["items"] = "items", ["more"] = "hasMore", ["limit"] = 2 },
        });

        Assert.Equal([1, 2, 3], result.Output!["body"]!["items"]!.AsArray().Select(i => (int)i!["n"]!));
        Assert.Equal(2, (int)result.Output["pages"]!);
        Assert.Equal(["/query?limit=2&offset=0", "/query?limit=2&offset=2"], api.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task RestRequest_PagingBeyondMaxPages_FailsInsteadOfCuttingSilently()
    {
        await using var api = await StubServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"results":[{"n":1}],"metadata":{"next":"https://api.tempo.io/4/worklogs?offset=1"}}""");
        });
        await using var harness = new ConnectorsHarness();
        await harness.AddConnectionAsync("api", StubConnections.Bearer(ConnectionTypes.Rest, api.BaseUri), StubConnections.Token("tok"));

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<RestRequestActivity>(new JsonObject
        {
            ["connection"] = "api", ["path"] = "4/worklogs",
            ["paging"] = new JsonObject { ["items"] = "results", ["more"] = "metadata.next", ["limit"] = 1, ["maxPages"] = 3 },
        }));

        Assert.Contains("more than 3 pages", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, api.Requests.Count);
    }

    [Fact]
    public async Task RestRequest_ConnectionOfAnotherIdThatDoesNotExist_FailsAsConfiguration()
    {
        await using var harness = new ConnectorsHarness();

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<RestRequestActivity>(new JsonObject { ["connection"] = "nope", ["path"] = "x" }));

        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Contains("Connection 'nope' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"sum":3}}""", null)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}""", ErrorKind.Permanent)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"code":-32001,"message":"Busy"}}""", ErrorKind.Transient)]
    public async Task JsonRpcCall_ResultOrErrorObject(string reply, ErrorKind? kind)
    {
        await using var rpc = await StubServer.StartAsync(async (context, body) =>
        {
            Assert.Equal("2.0", (string?)JsonNode.Parse(body)!["jsonrpc"]);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply);
        });
        await using var harness = new ConnectorsHarness();
        await harness.AddConnectionAsync("rpc", StubConnections.Bearer(ConnectionTypes.JsonRpc, rpc.BaseUri), StubConnections.Token("t"));
        var inputs = new JsonObject { ["connection"] = "rpc", ["method"] = "add", ["params"] = new JsonArray(1, 2), ["path"] = "rpc" };

        if (kind is null)
        {
            Assert.Equal(3, (int)(await harness.RunAsync<JsonRpcCallActivity>(inputs)).Output!["sum"]!);
            return;
        }

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<JsonRpcCallActivity>(inputs));
        Assert.Equal(kind, error.Kind);
        Assert.Contains("Connection 'rpc': add failed with JSON-RPC error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrytonActivity_OnARestConnection_IsRefusedNamingBothTypes()
    {
        await using var harness = new ConnectorsHarness();
        await harness.AddConnectionAsync("api", StubConnections.Bearer(ConnectionTypes.Rest, new Uri("http://127.0.0.1:9/")), StubConnections.Token("t"));

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<ServicesSync.Connectors.Tryton.TrytonInvoiceProjectActivity>(
            new JsonObject { ["connection"] = "api", ["project"] = "tryton:1" }));

        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Contains("of type 'rest'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'tryton'", error.Message, StringComparison.Ordinal);
    }
}
