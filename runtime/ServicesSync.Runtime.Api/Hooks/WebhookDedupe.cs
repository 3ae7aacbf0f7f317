using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServicesSync.Api.Problems;
using ServicesSync.Expressions;

namespace ServicesSync.Api.Hooks;

/// <summary>
/// What makes two deliveries "the same event": the sender's delivery id when the hook names its
/// header, else the hook's dedupe key expression over the body, else the verified signature (a
/// replay). Null when nothing identifies a delivery: every request then starts its own run.
/// </summary>
internal sealed class WebhookDedupe(IEnumerable<IExpressionEvaluator> evaluators, TimeProvider clock)
{
    private const int MaxKeyLength = 1024;

    private readonly Dictionary<string, IExpressionEvaluator> byLanguage =
        evaluators.GroupBy(e => e.Language, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public async ValueTask<WebhookIdentity?> IdentifyAsync(WebhookSettings hook, HttpRequest request, JsonNode? body, byte[]? signature, CancellationToken cancellationToken)
    {
        if (hook.DeliveryIdHeader is { } header && request.Headers[header].ToString() is { Length: > 0 } deliveryId)
        {
            return new WebhookIdentity(WebhookIdentitySource.DeliveryId, "delivery:" + Limit(deliveryId, header));
        }

        if (hook.DedupeKey is { } expression)
        {
            return new WebhookIdentity(WebhookIdentitySource.DedupeKey, await EvaluateAsync(hook, expression, body, cancellationToken));
        }

        return signature is null ? null : new WebhookIdentity(WebhookIdentitySource.Signature, "signature:" + Convert.ToHexStringLower(signature));
    }

    private async ValueTask<string> EvaluateAsync(WebhookSettings hook, Expression expression, JsonNode? body, CancellationToken cancellationToken)
    {
        if (!byLanguage.TryGetValue(expression.Language, out var evaluator))
        {
            throw new WebhookRejection(WebhookProblemKinds.DedupeKeyFailed, $"The hook's dedupeKey is written in '{expression.Language}', which this server does not run.");
        }

        JsonNode? value;
        try
        {
            value = await evaluator.EvaluateAsync(
                expression,
                new ExpressionScope { Input = body?.DeepClone(), WorkflowId = hook.WorkflowId, ActivityId = hook.Binding.Trigger.Id, Clock = clock },
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new WebhookRejection(WebhookProblemKinds.DedupeKeyFailed, $"The hook's dedupeKey failed on this body: {exception.Message}");
        }

        // A string keeps the identity it always had; any other JSON value is told apart by its
        // JSON text under its own prefix, so the number 1 and the string "1" are different events.
        var (prefix, key) = value switch
        {
            null => ("key:", null),
            JsonValue text when text.TryGetValue<string>(out var s) => ("key:", s),
            _ => ("keyjson:", value.ToJsonString()),
        };
        return string.IsNullOrEmpty(key)
            ? throw new WebhookRejection(WebhookProblemKinds.DedupeKeyFailed, "The hook's dedupeKey gave no value for this body (null or empty); the body lacks what identifies the event.")
            : prefix + Limit(key, "dedupeKey");
    }

    private static string Limit(string value, string what)
        => value.Length <= MaxKeyLength
            ? value
            : throw new WebhookRejection(ProblemKinds.InvalidRequest, $"The {what} value is longer than {MaxKeyLength} characters.");
}

internal sealed record WebhookIdentity(WebhookIdentitySource Source, string Key);

internal enum WebhookIdentitySource
{
    DeliveryId,
    DedupeKey,
    Signature,
}
