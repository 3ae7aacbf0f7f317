using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the stored key hashes. Scopes become
/// <c>scope</c> claims, the same claim an OIDC access token carries, so authorization policies
/// need not know which scheme signed the caller in.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyCache cache,
    IApiKeyStore store)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, loggerFactory, encoder)
{
    public const string KeyIdClaimType = "servicessync:api_key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values) || values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count > 1)
        {
            return AuthenticateResult.Fail($"Send one {ApiKeyDefaults.HeaderName} header, not {values.Count}.");
        }

        var presented = values.ToString().Trim();
        if (presented.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var record = await cache.FindAsync(presented, store, Context.RequestAborted);
        if (record is null)
        {
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, record.Id),
            new(ClaimTypes.Name, record.Name),
            new(KeyIdClaimType, record.Id),
        };
        claims.AddRange(record.Scopes.Select(scope => new Claim(ApiScopes.ClaimType, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        return Task.CompletedTask;
    }
}
