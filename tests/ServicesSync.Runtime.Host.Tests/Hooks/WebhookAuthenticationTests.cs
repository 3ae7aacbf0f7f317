using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ServicesSync.Host.Tests.Api;

namespace ServicesSync.Host.Tests.Hooks;

public sealed class WebhookAuthenticationTests(HooksFactory factory) : IClassFixture<HooksFactory>
{
    private const string Body = """{"event":"worklog_updated","id":7}""";

    private async Task PublishSignedAsync(string id, string path, JsonObject? extra = null)
    {
        var inputs = new JsonObject
        {
            ["path"] = path,
            ["auth"] = "hmacSha256",
            ["secret"] = "jira",
            ["signatureHeader"] = "X-Hub-Signature-256",
            ["timestampHeader"] = "X-Timestamp",
            ["toleranceSeconds"] = 300,
        };
        foreach (var (key, value) in extra ?? [])
        {
            inputs[key] = value?.DeepClone();
        }

        await factory.PublishAsync(HookDefinitions.Echo(id, inputs), id);
    }

    [Fact]
    public async Task Hmac_GoodSignature_IsAccepted()
    {
        await PublishSignedAsync("auth-good", "signed/good");

        using var response = await factory.CreateClient().SendAsync(HookRequests.Signed("signed/good", Body, HooksFactory.JiraSecret));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(await factory.RunsAsync("auth-good"));
    }

    [Fact]
    public async Task Hmac_WrongSecretOrTamperedBodyOrNoSignature_Is401()
    {
        await PublishSignedAsync("auth-wrong", "signed/wrong");
        var client = factory.CreateClient();
        using var tampered = HookRequests.Signed("signed/wrong", Body, HooksFactory.JiraSecret);
        tampered.Content = new StringContent(Body.Replace("7", "8", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
        using var unsigned = HookRequests.Json("signed/wrong", Body);
        unsigned.Headers.Add("X-Timestamp", HookRequests.Now());

        foreach (var request in new[] { HookRequests.Signed("signed/wrong", Body, "another-secret"), tampered, unsigned })
        {
            using var response = await client.SendAsync(request);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "signature-invalid");
        }

        Assert.Empty(await factory.RunsAsync("auth-wrong"));
    }

    [Fact]
    public async Task Hmac_StaleOrMissingTimestamp_Is401()
    {
        await PublishSignedAsync("auth-stale", "signed/stale");
        var stale = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var missing = HookRequests.Json("signed/stale", Body);
        missing.Headers.Add("X-Hub-Signature-256", "sha256=" + HookRequests.Hex(HooksFactory.JiraSecret, System.Text.Encoding.UTF8.GetBytes(Body)));

        using var staleResponse = await factory.CreateClient().SendAsync(HookRequests.Signed("signed/stale", Body, HooksFactory.JiraSecret, stale));
        using var missingResponse = await factory.CreateClient().SendAsync(missing);

        var problem = await ProblemAssert.IsProblemAsync(staleResponse, HttpStatusCode.Unauthorized, "timestamp-stale");
        Assert.Contains("at most 300 s", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(missingResponse, HttpStatusCode.Unauthorized, "timestamp-stale");
        Assert.Empty(await factory.RunsAsync("auth-stale"));
    }

    [Fact]
    public async Task Hmac_ReplayedSignatureWithinTheWindow_IsRefusedAndStartsNothing()
    {
        await PublishSignedAsync("auth-replay", "signed/replay");
        var stamp = HookRequests.Now();

        using var original = await factory.CreateClient().SendAsync(HookRequests.Signed("signed/replay", Body, HooksFactory.JiraSecret, stamp));
        using var replay = await factory.CreateClient().SendAsync(HookRequests.Signed("signed/replay", Body, HooksFactory.JiraSecret, stamp));

        Assert.Equal(HttpStatusCode.Accepted, original.StatusCode);
        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Conflict, "replayed");
        Assert.Single(await factory.RunsAsync("auth-replay"));
    }

    [Fact]
    public async Task Hmac_RedeliveryWithADeliveryId_ReturnsTheFirstRunInsteadOfRefusing()
    {
        await PublishSignedAsync("auth-redeliver", "signed/redeliver", new JsonObject { ["deliveryIdHeader"] = "X-Atlassian-Webhook-Identifier" });
        var stamp = HookRequests.Now();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var request = HookRequests.Signed("signed/redeliver", Body, HooksFactory.JiraSecret, stamp);
            request.Headers.Add("X-Atlassian-Webhook-Identifier", "wh-1");
            using var response = await factory.CreateClient().SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.OK], statuses);
        Assert.Single(await factory.RunsAsync("auth-redeliver"));
    }

    [Fact]
    public async Task BambooHr_SignatureOfBodyThenTimestamp_IsAccepted_AndOtherOrdersAreNot()
    {
        await factory.PublishAsync(HookDefinitions.Echo("auth-bamboo", new JsonObject { ["path"] = "bamboohr", ["auth"] = "bambooHr", ["secret"] = "bamboo" }), "auth-bamboo");
        var stamp = HookRequests.Now();
        using var reversed = HookRequests.Json("bamboohr", Body);
        reversed.Headers.Add("X-BambooHR-Timestamp", stamp);
        reversed.Headers.Add("X-BambooHR-Signature", HookRequests.Hex(HooksFactory.BambooSecret, System.Text.Encoding.UTF8.GetBytes(stamp + Body)));

        using var good = await factory.CreateClient().SendAsync(HookRequests.Bamboo("bamboohr", Body, HooksFactory.BambooSecret, stamp));
        using var bad = await factory.CreateClient().SendAsync(reversed);

        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.Unauthorized, "signature-invalid");
        Assert.Single(await factory.RunsAsync("auth-bamboo"));
    }

    [Fact]
    public async Task SharedSecret_OnlyTheExactSecretIsAccepted()
    {
        await factory.PublishAsync(HookDefinitions.Echo("auth-shared", new JsonObject { ["path"] = "shared", ["auth"] = "sharedSecret", ["secret"] = "jira" }), "auth-shared");
        using var good = HookRequests.Json("shared", Body);
        good.Headers.Add("X-Webhook-Secret", HooksFactory.JiraSecret);
        using var bad = HookRequests.Json("shared", Body);
        bad.Headers.Add("X-Webhook-Secret", HooksFactory.JiraSecret + "x");

        using var accepted = await factory.CreateClient().SendAsync(good);
        using var refused = await factory.CreateClient().SendAsync(bad);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized, "signature-invalid");
    }

    [Fact]
    public async Task ApiKey_NeedsAKeyWithTheRunScope()
    {
        await factory.PublishAsync(HookDefinitions.Echo("auth-key", new JsonObject { ["path"] = "keyed", ["auth"] = "apiKey" }), "auth-key");
        var admin = await factory.AdminAsync();

        using var withKey = await admin.SendAsync(HookRequests.Json("keyed", Body));
        using var withoutKey = await factory.CreateClient().SendAsync(HookRequests.Json("keyed", Body));

        Assert.Equal(HttpStatusCode.Accepted, withKey.StatusCode);
        await ProblemAssert.IsProblemAsync(withoutKey, HttpStatusCode.Unauthorized, "signature-invalid");
    }

    [Fact]
    public async Task SecretNotConfigured_Is503AndStartsNothing()
    {
        await factory.PublishAsync(HookDefinitions.Echo("auth-nosecret", new JsonObject { ["path"] = "nosecret", ["auth"] = "hmacSha256", ["secret"] = "never-set" }), "auth-nosecret");

        using var response = await factory.CreateClient().SendAsync(HookRequests.Signed("nosecret", Body, "whatever"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "hook-not-configured");
        Assert.Empty(await factory.RunsAsync("auth-nosecret"));
    }
}
