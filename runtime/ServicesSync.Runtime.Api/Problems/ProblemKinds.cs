using Microsoft.AspNetCore.Http;

namespace ServicesSync.Api.Problems;

/// <summary>Every problem type the API can return (documented in docs/api.md).</summary>
public static class ProblemKinds
{
    public static readonly ProblemKind InvalidRequest = new("invalid-request", StatusCodes.Status400BadRequest, "The request is not valid");

    public static readonly ProblemKind MalformedJson = new("malformed-json", StatusCodes.Status400BadRequest, "The request body is not valid JSON");

    public static readonly ProblemKind InvalidDefinition = new("invalid-definition", StatusCodes.Status400BadRequest, "The workflow definition cannot be read");

    public static readonly ProblemKind Unauthorized = new("unauthorized", StatusCodes.Status401Unauthorized, "Authentication is required");

    public static readonly ProblemKind Forbidden = new("forbidden", StatusCodes.Status403Forbidden, "The credentials lack a required scope");

    public static readonly ProblemKind NotFound = new("not-found", StatusCodes.Status404NotFound, "Not found");

    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", StatusCodes.Status405MethodNotAllowed, "Method not allowed");

    public static readonly ProblemKind Conflict = new("conflict", StatusCodes.Status409Conflict, "The request conflicts with the current state");

    public static readonly ProblemKind AlreadyExists = new("already-exists", StatusCodes.Status409Conflict, "It already exists");

    public static readonly ProblemKind EditConflict = new("edit-conflict", StatusCodes.Status409Conflict, "The draft was changed by someone else");

    public static readonly ProblemKind PayloadTooLarge = new("payload-too-large", StatusCodes.Status413PayloadTooLarge, "The request body is too large");

    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", StatusCodes.Status415UnsupportedMediaType, "Unsupported media type");

    public static readonly ProblemKind ValidationFailed = new("validation-failed", StatusCodes.Status422UnprocessableEntity, "The request cannot be processed");

    public static readonly ProblemKind InternalError = new("internal-error", StatusCodes.Status500InternalServerError, "An unexpected error occurred");

    public static readonly ProblemKind Unavailable = new("unavailable", StatusCodes.Status503ServiceUnavailable, "The service is unavailable");

    /// <summary>The kind for a bare status code (responses produced outside the API's own handlers).</summary>
    public static ProblemKind ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => InvalidRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity => ValidationFailed,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        >= 500 => InternalError,
        _ => new ProblemKind($"http-{status}", status, "The request failed"),
    };
}
