using ServicesSync.Webhooks;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ServicesSync.Api.Security;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Hooks;

/// <summary>
/// Checks a request against its hook's authentication. Returns the verified signature for signed
/// schemes: intake derives the run id from it when nothing else identifies the delivery, so a
/// replayed request finds the run it already started instead of starting another.
/// </summary>
internal sealed partial class WebhookAuthenticator(
    IWebhookSecretSource secrets,
    ApiKeyCache apiKeys,
    IApiKeyStore apiKeyStore,
    TimeProvider clock,
    ILogger<WebhookAuthenticator> logger)
{
    public const string DefaultSignatureHeader = "X-Signature";
    public const string DefaultSharedSecretHeader = "X-Webhook-Secret";

    public async ValueTask<byte[]?> AuthenticateAsync(WebhookSettings hook, HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        switch (hook.Auth)
        {
            case WebhookAuthScheme.None:
                return null;
            case WebhookAuthScheme.ApiKey:
                await RequireApiKeyAsync(request, cancellationToken);
                return null;
            case WebhookAuthScheme.SharedSecret:
                var header = hook.SignatureHeader ?? DefaultSharedSecretHeader;
                var secret = SHA256.HashData(await SecretAsync(hook, cancellationToken));
                var presented = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(request.Headers[header].ToString()));
                // Hashes of equal length: the comparison leaks neither content nor length.
                if (!CryptographicOperations.FixedTimeEquals(presented, secret))
                {
                    throw new WebhookRejection(WebhookProblemKinds.SignatureInvalid, $"The {header} header does not carry this hook's shared secret.");
                }

                return null;
            case WebhookAuthScheme.BambooHr:
                var (stamp, sent) = RequireTimestamp(request, WebhookSignatures.BambooHrTimestampHeader);
                var bamboo = WebhookSignatures.BambooHrMac(await SecretAsync(hook, cancellationToken), body, stamp);
                RequireSignature(request, WebhookSignatures.BambooHrSignatureHeader, bamboo);
                RequireFresh(WebhookSignatures.BambooHrTimestampHeader, sent, hook.Tolerance);
                return bamboo;
            case WebhookAuthScheme.HmacSha256:
                var timestamp = hook.TimestampHeader is { } timestampHeader ? RequireTimestamp(request, timestampHeader) : default;
                var mac = WebhookSignatures.GenericMac(await SecretAsync(hook, cancellationToken), body, timestamp.Text);
                RequireSignature(request, hook.SignatureHeader ?? DefaultSignatureHeader, mac);
                if (hook.TimestampHeader is { } signedHeader)
                {
                    RequireFresh(signedHeader, timestamp.Sent, hook.Tolerance);
                }

                return mac;
            default:
                throw new WebhookRejection(WebhookProblemKinds.SignatureInvalid, "The hook's authentication setting is not one this server knows; no request is accepted until it is fixed.");
        }
    }

    private async ValueTask RequireApiKeyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var key = request.Headers[ApiKeyDefaults.HeaderName].ToString();
        var record = string.IsNullOrEmpty(key) ? null : await apiKeys.FindAsync(key, apiKeyStore, cancellationToken);
        if (record is null || !record.Scopes.Contains(ApiScopes.Run, StringComparer.Ordinal))
        {
            throw new WebhookRejection(
                WebhookProblemKinds.SignatureInvalid,
                $"This hook needs a valid API key with the '{ApiScopes.Run}' scope in the {ApiKeyDefaults.HeaderName} header.");
        }
    }

    private async ValueTask<byte[]> SecretAsync(WebhookSettings hook, CancellationToken cancellationToken)
    {
        if (hook.SecretName is { } name && await secrets.GetAsync(name, cancellationToken) is { Length: > 0 } secret)
        {
            return secret;
        }

        // The caller learns only that the hook is not usable; the operator learns which setting to add.
        LogSecretMissing(logger, hook.Path, hook.WorkflowId, $"{ConfigurationWebhookSecretSource.Section}:{hook.SecretName ?? "(no name in the trigger)"}");
        throw new WebhookRejection(
            WebhookProblemKinds.SecretMissing,
            "This hook's secret is not configured on the server, so no request can be verified; the server log names the missing setting.");
    }

    // Property names avoid "secret": the host's log masker would hide the setting's name, which is no secret.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook /hooks/{HookPath} of {WorkflowId} cannot verify requests: the setting {MissingSetting} is not configured")]
    private static partial void LogSecretMissing(ILogger logger, string hookPath, string workflowId, string missingSetting);

    private static (string Text, DateTimeOffset Sent) RequireTimestamp(HttpRequest request, string header)
    {
        var value = request.Headers[header].ToString();
        return WebhookSignatures.TryParseTimestamp(value, out var sent)
            ? (value, sent)
            : throw new WebhookRejection(WebhookProblemKinds.TimestampStale, $"The {header} header is missing or is not a Unix time or ISO 8601 timestamp.");
    }

    /// <summary>Checked after the signature, so an unsigned request learns nothing about the server's clock.</summary>
    private void RequireFresh(string header, DateTimeOffset sent, TimeSpan tolerance)
    {
        var skew = (clock.GetUtcNow() - sent).Duration();
        if (skew > tolerance)
        {
            throw new WebhookRejection(
                WebhookProblemKinds.TimestampStale,
                $"The {header} timestamp is {(int)skew.TotalSeconds} s away from the server's clock; at most {(int)tolerance.TotalSeconds} s is accepted.");
        }
    }

    private static void RequireSignature(HttpRequest request, string header, byte[] expected)
    {
        if (!WebhookSignatures.Matches(request.Headers[header].ToString(), expected))
        {
            throw new WebhookRejection(WebhookProblemKinds.SignatureInvalid, $"The {header} header is missing or does not match the body's HMAC-SHA256 signature.");
        }
    }
}
