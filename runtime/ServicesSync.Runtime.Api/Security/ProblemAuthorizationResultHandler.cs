using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using ServicesSync.Api.Problems;

namespace ServicesSync.Api.Security;

/// <summary>
/// Lets each scheme challenge or forbid as it does (status, <c>WWW-Authenticate</c>), then writes
/// the problem body, so 401 and 403 look like every other error whichever scheme is in use.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler defaultHandler = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await defaultHandler.HandleAsync(next, context, policy, authorizeResult);
        if (context.Response.HasStarted || !(authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            return;
        }

        var problem = authorizeResult.Challenged
            ? ApiProblems.Details(ProblemKinds.Unauthorized, ChallengeDetail(context))
            : ApiProblems.Details(ProblemKinds.Forbidden, ForbiddenDetail(authorizeResult));
        context.Response.StatusCode = problem.Status!.Value;
        await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static string ChallengeDetail(HttpContext context)
        => context.Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName)
            ? $"The API key in the {ApiKeyDefaults.HeaderName} header is not valid or has been revoked."
            : $"This route needs an API key in the {ApiKeyDefaults.HeaderName} header.";

    private static string ForbiddenDetail(PolicyAuthorizationResult result)
    {
        var missing = result.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => $"'{r.Scope}'").ToArray() ?? [];
        return missing.Length == 0
            ? "The credentials are not allowed to use this route."
            : $"The credentials lack the {string.Join(", ", missing)} scope this route needs.";
    }
}
