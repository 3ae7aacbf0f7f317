using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Support;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Host.Tests.Cli;

/// <summary><c>run --connections FILE</c>: connections for a one-off run, secrets from the environment.</summary>
public sealed class RunConnectionsTests : IDisposable
{
    private const string Canary = "canary-run-token-77e1";

    private readonly TempDirectory folder = new();

    // Each test has its own variable: tests of a class run one after another, but classes run in parallel.
    private readonly string variable = "SS_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task RestRequest_UsesTheFilesConnection_WithTheSecretFromTheEnvironment_AndNeverPrintsIt()
    {
        await using var api = await StartApiAsync();
        Environment.SetEnvironmentVariable(variable, Canary);
        var connections = WriteConnections(api.BaseUri, $"${{env:{variable}}}");

        var result = await CliRunner.RunAsync("run", WriteWorkflow(), "--connections", connections, "--verbose");

        result.AssertExit(ExitCodes.Ok);
        var request = Assert.Single(api.Requests);
        Assert.Equal($"Bearer {Canary}", request.Headers["Authorization"]);
        Assert.Equal(42, JsonDocument.Parse(result.Output).RootElement.GetProperty("body").GetProperty("received").GetProperty("orderId").GetInt32());
        Assert.DoesNotContain(Canary, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsetEnvironmentVariable_NamesConnectionFieldAndVariable_AndRunsNothing()
    {
        await using var api = await StartApiAsync();
        var connections = WriteConnections(api.BaseUri, $"${{env:{variable}}}");

        var result = await CliRunner.RunAsync("run", WriteWorkflow(), "--connections", connections);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains($"connection 'orders-api': auth.token: the environment variable {variable} is not set.", result.Error, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task InvalidConnection_IsReportedByIdAndField_WithoutQuotingTheSecret()
    {
        var connections = folder.WriteFile("connections.json", $$"""
            {
              "orders-api": { "type": "no-such-system", "baseUrl": "ftp://example.com", "auth": { "kind": "bearer", "token": "{{Canary}}" } },
              "second": [ 1 ]
            }
            """);

        var result = await CliRunner.RunAsync("run", WriteWorkflow(), "--connections", connections);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains("connection 'second': must be a JSON object.", result.Error, StringComparison.Ordinal);
        Assert.Contains("connection 'orders-api': type: must be one of", result.Error, StringComparison.Ordinal);
        Assert.Contains("connection 'orders-api': baseUrl: must be an absolute", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionsFile_MustBeAJsonObject()
    {
        var connections = folder.WriteFile("connections.json", "[1, 2]");

        var result = await CliRunner.RunAsync("run", WriteWorkflow(), "--connections", connections);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains("must hold a JSON object of connections keyed by id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithData_TheConnectionIsStoredEncrypted_AndAReRunReplacesIt()
    {
        await using var api = await StartApiAsync();
        var data = folder.Combine("data");
        var workflow = WriteWorkflow();

        var first = await CliRunner.RunAsync("run", workflow, "--data", data, "--connections", WriteConnections(api.BaseUri, Canary));
        var second = await CliRunner.RunAsync("run", workflow, "--data", data, "--connections", WriteConnections(api.BaseUri, "rotated-token"));

        first.AssertExit(ExitCodes.Ok);
        second.AssertExit(ExitCodes.Ok);
        Assert.Equal(["Bearer " + Canary, "Bearer rotated-token"], api.Requests.Select(r => r.Headers["Authorization"]));
        Assert.DoesNotContain(Canary, await File.ReadAllTextAsync(Path.Combine(data, "servicessync.db")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(variable, null);
        folder.Dispose();
    }

    private static Task<StubServer> StartApiAsync() => StubServer.StartAsync(async (context, body) =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"received":{{body}}}""");
    });

    private string WriteConnections(Uri baseUri, string token) => folder.WriteFile("connections.json", $$"""
        { "orders-api": { "type": "rest", "baseUrl": "{{baseUri}}", "auth": { "kind": "bearer", "token": "{{token}}" } } }
        """);

    private string WriteWorkflow() => folder.WriteFile("post-order.json", """
        {
          "schemaVersion": 1, "id": "post-order", "name": "Post an order",
          "activities": [
            { "id": "start", "type": "core.manual" },
            { "id": "post", "type": "rest.request",
              "inputs": { "connection": "orders-api", "method": "post", "path": "orders", "body": { "orderId": 42 } } }
          ],
          "connections": [ { "from": "start", "to": "post" } ]
        }
        """);
}
