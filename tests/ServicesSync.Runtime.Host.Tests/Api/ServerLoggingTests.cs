using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServicesSync.Api.Security;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Api;

/// <summary>The JSON log file of <c>serve</c>: run context from the engine's scopes, secrets masked.</summary>
public sealed partial class ServerLoggingTests(ServicesSyncApiFactory factory) : IClassFixture<ServicesSyncApiFactory>
{
    [Fact]
    public async Task ActivityLogEvents_CarryWorkflowInstanceAndActivityIds()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        var id = SampleWorkflows.UniqueId("logs");
        var definition = $$"""
            {
              "schemaVersion": 1, "id": "{{id}}", "name": "Logs",
              "activities": [
                { "id": "start", "type": "core.manual" },
                { "id": "note", "type": "core.log", "inputs": { "message": "marker-{{id}}" } }
              ],
              "connections": [ { "from": "start", "to": "note" } ]
            }
            """;
        await ApiScenario.PublishAsync(client, definition, id);
        var instanceId = await ApiScenario.StartAsync(client, id);
        await ApiScenario.WaitForEndAsync(client, instanceId);

        var logged = await FindLogEventAsync(e => e.GetRawText().Contains($"marker-{id}", StringComparison.Ordinal));

        Assert.Equal(id, logged.GetProperty("WorkflowId").GetString());
        Assert.Equal(instanceId, logged.GetProperty("InstanceId").GetString());
        Assert.Equal("note", logged.GetProperty("ActivityId").GetString());
    }

    [Fact]
    public async Task PropertiesNamedLikeSecrets_AreMaskedInTheLogFile()
    {
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MaskingTest");
        var marker = Guid.NewGuid().ToString("N");

        LogCall(logger, "https://erp.example", "ss_supersecret", "s3cr3t", marker);

        var logged = await FindLogEventAsync(e => e.TryGetProperty("Marker", out var m) && m.GetString() == marker);
        Assert.Equal("***", logged.GetProperty("ApiKey").GetString());
        Assert.Equal("***", logged.GetProperty("ClientSecret").GetString());
        Assert.Equal("https://erp.example", logged.GetProperty("Endpoint").GetString());
        Assert.DoesNotContain("ss_supersecret", logged.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>Reads the rolling JSON files until a matching event appears (the file sink writes as events arrive).</summary>
    private async Task<JsonElement> FindLogEventAsync(Func<JsonElement, bool> match)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var logs = Path.Combine(factory.DataDirectory, "logs");
        while (true)
        {
            foreach (var file in Directory.Exists(logs) ? Directory.GetFiles(logs, "servicessync-*.json") : [])
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (line.Length > 0 && JsonDocument.Parse(line).RootElement is var element && match(element))
                    {
                        return element.Clone();
                    }
                }
            }

            Assert.True(DateTime.UtcNow < until, $"no matching log event in {logs}");
            await Task.Delay(20);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calling {Endpoint} with {ApiKey} and {ClientSecret} for {Marker}")]
    private static partial void LogCall(ILogger logger, string endpoint, string apiKey, string clientSecret, string marker);
}
