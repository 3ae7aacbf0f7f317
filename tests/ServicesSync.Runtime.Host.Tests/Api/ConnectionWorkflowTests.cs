using System.Net;
using Microsoft.AspNetCore.Http;
using ServicesSync.Api.Security;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Host.Tests.Api;

/// <summary>A connection made through the API, used by a published workflow: the whole path from definition to the wire.</summary>
public sealed class ConnectionWorkflowTests(ServicesSyncApiFactory factory) : IClassFixture<ServicesSyncApiFactory>
{
    private const string Canary = "canary-wf-token-0c4d";

    [Fact]
    public async Task RestRequest_ThroughAConnection_SendsItsCredentialsAndNeverJournalsThem()
    {
        await using var api = await StubServer.StartAsync(async (context, body) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"received":{{body}}}""");
        });
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        using var created = await client.PostAsync(new Uri("/api/v1/connections", UriKind.Relative), HttpJson.Content($$"""
            { "id": "orders-api", "type": "rest", "baseUrl": "{{api.BaseUri}}", "auth": { "kind": "bearer", "token": "{{Canary}}" } }
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await ApiScenario.PublishAsync(client, """
            {
              "schemaVersion": 1, "id": "post-order", "name": "Post an order",
              "activities": [
                { "id": "start", "type": "core.manual" },
                { "id": "post", "type": "rest.request",
                  "inputs": { "connection": "orders-api", "method": "post", "path": "orders", "body": { "orderId": 42 },
                              "idempotencyKey": "order-1" } }
              ],
              "connections": [ { "from": "start", "to": "post" } ]
            }
            """, "post-order");

        var instanceId = await ApiScenario.StartAsync(client, "post-order", """{ "orderId": 42 }""");
        var instance = await ApiScenario.WaitForEndAsync(client, instanceId);

        Assert.Equal("completed", instance.GetProperty("instance").GetProperty("status").GetString());
        var request = Assert.Single(api.Requests);
        Assert.Equal($"Bearer {Canary}", request.Headers["Authorization"]);
        Assert.Equal("order-1", request.Headers["Idempotency-Key"]);
        Assert.Contains("\"orderId\":42", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, instance.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithoutAConfiguredKey_GeneratesAnOwnerOnlyKeyFileSaysSoAndLogsNoSecret()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);
        using var created = await client.PostAsync(new Uri("/api/v1/connections", UriKind.Relative), HttpJson.Content($$"""
            { "id": "refused", "type": "rest", "baseUrl": "http://127.0.0.1:9/", "auth": { "kind": "bearer", "token": "{{Canary}}" },
              "resilience": { "maxRetries": 1, "maxRetryDelay": "PT0S" } }
            """));
        using var tested = await client.PostAsync(new Uri("/api/v1/connections/refused/test", UriKind.Relative), null);
        Assert.False((await HttpJson.ReadAsync(tested)).GetProperty("ok").GetBoolean());

        var keyFile = Path.Combine(factory.DataDirectory, "secrets.key");
        var logs = await WaitForLogAsync("secrets.key");

        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        Assert.Contains("refused", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, logs, StringComparison.Ordinal);
        Assert.DoesNotContain((await File.ReadAllTextAsync(keyFile)).Trim(), logs, StringComparison.Ordinal);
    }

    /// <summary>All log text once it contains <paramref name="marker"/> (the file sink writes as events arrive).</summary>
    private async Task<string> WaitForLogAsync(string marker)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var folder = Path.Combine(factory.DataDirectory, "logs");
        while (true)
        {
            var text = new System.Text.StringBuilder();
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                text.Append(await reader.ReadToEndAsync());
            }

            if (text.ToString().Contains(marker, StringComparison.Ordinal) && text.ToString().Contains("HttpRequestException", StringComparison.Ordinal))
            {
                return text.ToString();
            }

            Assert.True(DateTime.UtcNow < until, $"no log text with '{marker}' in {folder}: {text}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task RotateSecrets_WithNothingUnderAnOldKey_RewritesNothing()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);

        using var response = await client.PostAsync(new Uri("/api/v1/connections/secrets/rotate", UriKind.Relative), null);

        Assert.Equal(0, (await HttpJson.ReadAsync(response)).GetProperty("rewritten").GetInt32());
    }
}
