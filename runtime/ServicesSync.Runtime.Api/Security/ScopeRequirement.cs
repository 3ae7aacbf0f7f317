using Microsoft.AspNetCore.Authorization;

namespace ServicesSync.Api.Security;

/// <summary>The caller must hold <see cref="Scope"/>, whichever scheme authenticated it.</summary>
internal sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        // One claim per scope (API keys) or one space-separated claim (OAuth 2 / OIDC access tokens).
        foreach (var claim in context.User.FindAll(ApiScopes.ClaimType))
        {
            if (claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(requirement.Scope, StringComparer.Ordinal))
            {
                context.Succeed(requirement);
                break;
            }
        }

        return Task.CompletedTask;
    }
}
