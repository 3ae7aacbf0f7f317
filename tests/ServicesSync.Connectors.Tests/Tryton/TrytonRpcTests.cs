using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Connections;
using ServicesSync.Connectors.Tests.Support;
using ServicesSync.Connectors.Tryton;
using ServicesSync.Errors;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Connectors.Tests.Tryton;

public sealed class TrytonRpcTests
{
    [Theory]
    [InlineData("""["UserError", ["The UUID of timesheet line must be unique.", "", null]]""", ErrorKind.Validation, "UserError: The UUID of timesheet line must be unique.")]
    [InlineData("""["ConcurrencyException", ["Records were modified in the meanwhile"]]""", ErrorKind.Transient, "ConcurrencyException")]
    [InlineData("""["AccessError", ["You are not allowed to read"]]""", ErrorKind.Configuration, "AccessError")]
    [InlineData("""["Missing context argument", ""]""", ErrorKind.Permanent, "Missing context argument")]
    public async Task CallAsync_ErrorInA200Body_IsMappedToItsKind(string error, ErrorKind kind, string text)
    {
        await using var tryton = await StubServer.StartAsync(async (context, body) =>
        {
            var call = JsonNode.Parse(body)!;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync((string?)call["method"] == "common.db.login"
                ? """{"id":0,"result":[1,"s"]}"""
                : $$"""{"id":1,"error":{{error}}}""");
        });
        await using var harness = new ConnectorsHarness();
        await harness.AddConnectionAsync("erp", new ConnectionDefinition
        {
            Type = ConnectionTypes.Tryton,
            BaseUrl = tryton.BaseUri.ToString(),
            Auth = new ConnectionAuth { Kind = AuthKinds.TrytonSession, Username = "admin", Database = "db" },
        }, new Dictionary<string, string> { ["password"] = "pw-canary-1" });
        var connection = await harness.Connections.GetAsync("erp", CancellationToken.None);
        var rpc = harness.Services.GetRequiredService<TrytonRpc>();

        var failure = await Assert.ThrowsAsync<ServicesSyncException>(
            () => rpc.CallAsync(connection, "model.timesheet.line.create", [new JsonArray(), new JsonObject()], CancellationToken.None));

        Assert.Equal(kind, failure.Kind);
        Assert.Contains($"Connection 'erp' (tryton): model.timesheet.line.create failed: {text}", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-canary-1", failure.Message, StringComparison.Ordinal);
        Assert.All(tryton.Requests, r => Assert.Equal("/db/", r.PathAndQuery));
    }
}
