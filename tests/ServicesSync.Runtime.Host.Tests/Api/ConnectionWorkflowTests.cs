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
    public async Task TokenEndpointEchoingTheForm_NoSecretInTheRunJournalDeadLettersTestAnswerLogsOrStore()
    {
        const string secret = "Cn4ry+s3cr/t=x y&z-7f3a";
        await using var api = await StubServer.StartAsync(async (context, body) =>
        {
            // The reported server: its error quotes the form it got, client_secret included.
            context.Response.StatusCode = context.Request.Path == "/token" ? 400 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new System.Text.Json.Nodes.JsonObject { ["error"] = "invalid_client " + body, ["got"] = body }.ToJsonString());
        });
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        using var created = await client.PostAsync(new Uri("/api/v1/connections", UriKind.Relative), HttpJson.Content($$"""
            { "id": "echoing-idp", "type": "rest", "baseUrl": "{{api.BaseUri}}",
              "auth": { "kind": "oauth2ClientCredentials", "tokenEndpoint": "{{api.BaseUri}}token", "clientId": "c1", "clientAuthentication": "body", "clientSecret": "{{secret}}" } }
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await ApiScenario.PublishAsync(client, """
            {
              "schemaVersion": 1, "id": "echoing-idp-call", "name": "Call behind an echoing token endpoint",
              "activities": [
                { "id": "start", "type": "core.manual" },
                { "id": "get", "type": "rest.request", "inputs": { "connection": "echoing-idp", "path": "orders" } }
              ],
              "connections": [ { "from": "start", "to": "get" } ]
            }
            """, "echoing-idp-call");

        var instanceId = await ApiScenario.StartAsync(client, "echoing-idp-call", "{}");
        var instance = await ApiScenario.WaitForEndAsync(client, instanceId);
        var deadLetters = await (await client.GetAsync(new Uri("/api/v1/dead-letters?workflow=echoing-idp-call", UriKind.Relative))).Content.ReadAsStringAsync();
        var tested = await (await client.PostAsync(new Uri("/api/v1/connections/echoing-idp/test", UriKind.Relative), null)).Content.ReadAsStringAsync();
        var logs = await WaitForLogAsync(instanceId, "invalid_client");

        Assert.Equal("faulted", instance.GetProperty("instance").GetProperty("status").GetString());
        Assert.Contains("client_secret=***", instance.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("echoing-idp-call", deadLetters, StringComparison.Ordinal);
        string[] forms = [secret, Uri.EscapeDataString(secret), Uri.EscapeDataString(secret).Replace("%20", "+", StringComparison.Ordinal), "Cn4ry"];
        foreach (var form in forms)
        {
            Assert.DoesNotContain(form, instance.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(form, deadLetters, StringComparison.Ordinal);
            Assert.DoesNotContain(form, tested, StringComparison.Ordinal);
            Assert.DoesNotContain(form, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(form, StoreText(), StringComparison.Ordinal);
        }
    }

    /// <summary>Every file of the data directory but the logs (the store, the key file), as text: what is on disk.</summary>
    private string StoreText()
    {
        var text = new System.Text.StringBuilder();
        // The lock file is held exclusively by the server and holds nothing.
        foreach (var file in Directory.GetFiles(factory.DataDirectory).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            text.Append(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return text.ToString();
    }

    [Fact]
    public async Task Serve_WritesItsLogFilesReadableByTheOwnerOnly()
    {
        // Compact JSON: every event is a line starting with '{'.
        await WaitForLogAsync("{", null);

        var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "logs"));
        Assert.NotEmpty(files);
        Assert.All(
            files,
            file => Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), file));
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
        var logs = await WaitForLogAsync("secrets.key", "HttpRequestException");

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
    private async Task<string> WaitForLogAsync(string marker, string? alsoMarker)
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

            if (text.ToString().Contains(marker, StringComparison.Ordinal) && (alsoMarker is null || text.ToString().Contains(alsoMarker, StringComparison.Ordinal)))
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
