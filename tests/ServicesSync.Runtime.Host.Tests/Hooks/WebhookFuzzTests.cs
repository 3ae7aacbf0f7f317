using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Persistence;

namespace ServicesSync.Host.Tests.Hooks;

/// <summary>
/// Thousands of generated malformed requests against a signed hook and an open one: every answer
/// is a 4xx problem, and the store holds no run and no event afterwards.
/// </summary>
public sealed class WebhookFuzzTests(HooksFactory factory) : IClassFixture<HooksFactory>
{
    private const int Requests = 3000;
    private const string Signed = "fuzz/signed";
    private const string Open = "fuzz/open";

    [Fact]
    public async Task MalformedRequests_AreAll4xx_AndLeaveTheStoreUnchanged()
    {
        await factory.PublishAsync(HookDefinitions.Echo("fuzz-signed", new JsonObject
        {
            ["path"] = Signed,
            ["auth"] = "hmacSha256",
            ["secret"] = "jira",
            ["timestampHeader"] = "X-Timestamp",
        }), "fuzz-signed");
        await factory.PublishAsync(HookDefinitions.Echo("fuzz-open", new JsonObject { ["path"] = Open, ["maxBodyBytes"] = 2048, ["maxDepth"] = 8 }), "fuzz-open");
        var client = factory.CreateClient();
        var random = new Random(20260302);
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < Requests; i++)
        {
            using var request = Generate(random, i);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status is >= 400 and < 500, $"request {i} ({request.Method} {request.RequestUri}) got {status}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Empty(await factory.RunsAsync("fuzz-signed"));
        Assert.Empty(await factory.RunsAsync("fuzz-open"));
        Assert.Empty(await factory.Services.GetRequiredService<IEventStore>().ListPendingEventsAsync(10, CancellationToken.None));
        // The generator reached every kind of refusal, not just the first check.
        Assert.True(statuses.Keys.Count >= 5, string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
    }

    private static HttpRequestMessage Generate(Random random, int i)
    {
        var valid = "{\"event\":\"e" + i + "\",\"worklog\":{\"id\":" + random.Next() + "}}";
        switch (i % 12)
        {
            case 0:
                return HookRequests.Json("fuzz/unknown/" + i, valid);
            case 1:
                return HookRequests.Signed(Signed, valid, "wrong-secret-" + random.Next());
            case 2:
                return HookRequests.Signed(Signed, valid, HooksFactory.JiraSecret, DateTimeOffset.UtcNow.AddSeconds(-301 - random.Next(100_000)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            case 3:
                var tampered = HookRequests.Signed(Signed, valid, HooksFactory.JiraSecret);
                tampered.Content = new StringContent(valid.Replace("\"e", "\"x", StringComparison.Ordinal), Encoding.UTF8, "application/json");
                return tampered;
            case 4:
                var garbled = HookRequests.Json(Signed, valid);
                garbled.Headers.Add("X-Timestamp", RandomText(random, 12));
                garbled.Headers.Add("X-Signature", RandomText(random, random.Next(0, 80)));
                return garbled;
            case 5:
                return HookRequests.Raw(Open, Encoding.UTF8.GetBytes(valid), random.Next(3) switch { 0 => "text/plain", 1 => "application/xml", _ => "application/json; charset=utf-16" });
            case 6:
                return HookRequests.Raw(Open, InvalidUtf8(random), "application/json");
            case 7:
                return HookRequests.Json(Open, "{\"event\":\"a\",\"nested\":{\"k\":" + random.Next() + ",\"k\":1}}");
            case 8:
                var depth = random.Next(9, 200);
                return HookRequests.Json(Open, new string('[', depth) + new string(']', depth));
            case 9:
                return HookRequests.Raw(Open, Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 2048 + random.Next(10_000)) + "\"}"), "application/json");
            case 10:
                return HookRequests.Raw(Open, Encoding.UTF8.GetBytes(NotJson(random, valid)), "application/json");
            default:
                return HookRequests.Json(Open, valid, random.Next(2) == 0 ? "PUT" : "PATCH");
        }
    }

    /// <summary>A truncated or corrupted JSON text, checked to be malformed.</summary>
    private static string NotJson(Random random, string valid)
    {
        while (true)
        {
            var text = random.Next(3) switch
            {
                0 => valid[..random.Next(1, valid.Length - 1)],
                1 => valid.Insert(random.Next(valid.Length), ((char)random.Next(33, 127)).ToString()),
                _ => RandomText(random, random.Next(1, 60)),
            };
            try
            {
                using var _ = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                return text;
            }
        }
    }

    private static byte[] InvalidUtf8(Random random)
    {
        byte[][] broken = [[0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xF0, 0x28, 0x8C, 0xBC], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80]];
        var prefix = "{\"event\":\""u8.ToArray();
        return [.. prefix, .. broken[random.Next(broken.Length)], .. "\"}"u8.ToArray()];
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(33, 127);
        }

        return new string(chars);
    }
}
