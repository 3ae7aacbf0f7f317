using System.Text.Json.Nodes;
using ServicesSync.Execution.Triggers;
using ServicesSync.Expressions;

namespace ServicesSync.Api.Hooks;

/// <summary>
/// A webhook trigger as the intake reads it from the published definition. The defaults match the
/// <c>core.webhook</c> descriptor (activities/ServicesSync.Activities/Triggers/WebhookTriggerInputs).
/// </summary>
internal sealed record WebhookSettings
{
    public const int DefaultToleranceSeconds = 300;
    public const int DefaultMaxBodyBytes = 1024 * 1024;
    public const int DefaultMaxDepth = 64;

    /// <summary>Deeper bodies are refused whatever a trigger asks for: the parser's own limit stays sane.</summary>
    public const int MaxAllowedDepth = 256;

    public required TriggerBinding Binding { get; init; }

    /// <summary>Normalised: no leading or trailing slash.</summary>
    public required string Path { get; init; }

    public string Method { get; init; } = "POST";

    public WebhookAuthScheme Auth { get; init; } = WebhookAuthScheme.None;

    public string? SecretName { get; init; }

    public string? SignatureHeader { get; init; }

    public string? TimestampHeader { get; init; }

    public TimeSpan Tolerance { get; init; } = TimeSpan.FromSeconds(DefaultToleranceSeconds);

    public string? DeliveryIdHeader { get; init; }

    public Expression? DedupeKey { get; init; }

    public bool Sync { get; init; }

    public int MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    public int MaxDepth { get; init; } = DefaultMaxDepth;

    public string WorkflowId => Binding.WorkflowId;

    public static WebhookSettings From(TriggerBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var inputs = binding.Trigger.Inputs;
        return new WebhookSettings
        {
            Binding = binding,
            Path = NormalisePath(binding.Input("path") ?? ""),
            Method = string.Equals(binding.Input("method"), "put", StringComparison.OrdinalIgnoreCase) ? "PUT" : "POST",
            Auth = ParseAuth(binding.Input("auth")),
            SecretName = Blank(binding.Input("secret")),
            SignatureHeader = Blank(binding.Input("signatureHeader")),
            TimestampHeader = Blank(binding.Input("timestampHeader")),
            Tolerance = TimeSpan.FromSeconds(Math.Max(1, Int(inputs, "toleranceSeconds") ?? DefaultToleranceSeconds)),
            DeliveryIdHeader = Blank(binding.Input("deliveryIdHeader")),
            DedupeKey = Expression.TryParse(inputs["dedupeKey"], out var key) ? key : null,
            Sync = string.Equals(binding.Input("mode"), "sync", StringComparison.OrdinalIgnoreCase),
            MaxBodyBytes = Math.Max(1, Int(inputs, "maxBodyBytes") ?? DefaultMaxBodyBytes),
            MaxDepth = Math.Clamp(Int(inputs, "maxDepth") ?? DefaultMaxDepth, 1, MaxAllowedDepth),
        };
    }

    public static string NormalisePath(string path) => path.Trim().Trim('/');

    private static WebhookAuthScheme ParseAuth(string? value) => value switch
    {
        "hmacSha256" => WebhookAuthScheme.HmacSha256,
        "bambooHr" => WebhookAuthScheme.BambooHr,
        "sharedSecret" => WebhookAuthScheme.SharedSecret,
        "apiKey" => WebhookAuthScheme.ApiKey,
        null or "none" => WebhookAuthScheme.None,
        // A value the validator would have refused: fail closed rather than accept anyone.
        _ => WebhookAuthScheme.Unknown,
    };

    private static int? Int(JsonObject inputs, string name)
        => inputs[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal enum WebhookAuthScheme
{
    None,
    HmacSha256,
    BambooHr,
    SharedSecret,
    ApiKey,
    Unknown,
}
