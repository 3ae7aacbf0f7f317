using System.Text.Json.Nodes;
using ServicesSync.Triggers.Webhooks;

namespace ServicesSync.Triggers.Tests.Webhooks;

public sealed class WebhookTriggerValidatorTests
{
    private static List<string> Problems(JsonObject inputs)
        => [.. new WebhookTriggerValidator().Validate(inputs).Select(p => $"{p.Input}: {p.Message}")];

    [Fact]
    public void Validate_SignedHookWithASecretName_IsValid()
        => Assert.Empty(Problems(new JsonObject
        {
            ["path"] = "jira/worklogs",
            ["auth"] = "hmacSha256",
            ["secret"] = "jira",
            ["timestampHeader"] = "X-Timestamp",
            ["dedupeKey"] = new JsonObject { ["expression"] = new JsonObject { ["language"] = "javascript", ["code"] = "input.id" } },
        }));

    [Theory]
    [InlineData("""{"path":"jira worklogs"}""", "path: 'jira worklogs' is not a usable route")]
    [InlineData("""{"path":"a//b"}""", "path: 'a//b' is not a usable route")]
    [InlineData("""{"path":"bamboo","auth":"bambooHr"}""", "secret: is required with auth bambooHr")]
    [InlineData("""{"path":"x","auth":"sharedSecret","secret":"s3cr3t value with spaces!"}""", "secret: must be the NAME")]
    [InlineData("""{"path":"x","timestampHeader":"X-Timestamp"}""", "timestampHeader: is only checked with auth hmacSha256")]
    [InlineData("""{"path":"x","dedupeKey":"input.id"}""", "dedupeKey: must be an expression")]
    [InlineData("""{"path":"x","maxDepth":1000}""", "maxDepth: must be between 1 and 256")]
    [InlineData("""{"path":"x","toleranceSeconds":0}""", "toleranceSeconds: must be between 1 and 86400")]
    public void Validate_UnusableSettings_NameTheInput(string inputs, string expected)
        => Assert.Contains(Problems(JsonNode.Parse(inputs)!.AsObject()), p => p.StartsWith(expected, StringComparison.Ordinal));
}
