using Microsoft.AspNetCore.Http;
using ServicesSync.Api.Problems;

namespace ServicesSync.Api.Hooks;

/// <summary>The problems only webhook intake returns (docs/api.md lists them with the others).</summary>
public static class WebhookProblemKinds
{
    public static readonly ProblemKind SignatureInvalid = new("signature-invalid", StatusCodes.Status401Unauthorized, "The request is not signed or authenticated as the hook requires");

    public static readonly ProblemKind TimestampStale = new("timestamp-stale", StatusCodes.Status401Unauthorized, "The request's timestamp is missing or outside the allowed window");

    public static readonly ProblemKind Replayed = new("replayed", StatusCodes.Status409Conflict, "The request was already received");

    public static readonly ProblemKind InvalidUtf8 = new("invalid-utf8", StatusCodes.Status400BadRequest, "The request body is not valid UTF-8");

    public static readonly ProblemKind DuplicateJsonKey = new("duplicate-json-key", StatusCodes.Status400BadRequest, "The request body repeats a property name");

    public static readonly ProblemKind TooDeep = new("json-too-deep", StatusCodes.Status400BadRequest, "The request body is nested too deeply");

    public static readonly ProblemKind DedupeKeyFailed = new("dedupe-key-failed", StatusCodes.Status422UnprocessableEntity, "The hook's deduplication key could not be computed from the body");

    public static readonly ProblemKind AmbiguousHook = new("ambiguous-hook", StatusCodes.Status409Conflict, "Several published workflows claim this hook");

    public static readonly ProblemKind SecretMissing = new("hook-not-configured", StatusCodes.Status503ServiceUnavailable, "The hook cannot verify requests on this server");

    public static readonly ProblemKind WorkflowFailed = new("workflow-failed", StatusCodes.Status502BadGateway, "The workflow did not complete");
}
