using System.Security.Claims;
using ServicesSync.Api.Security;
using ServicesSync.Designer.Design.Pinning;
using ServicesSync.Designer.Design.Templates;

namespace ServicesSync.Designer.Design.Session;

/// <summary>
/// <c>GET /api/v1/design/session</c>: who is signed in and what the browser app needs to know
/// about this server. Any authenticated caller may ask, whatever the scheme (API key now, OIDC later).
/// </summary>
internal static class SessionApi
{
    public static void MapSessionApi(this IEndpointRouteBuilder design)
    {
        design.MapGet("/session", Get)
            .RequireAuthorization()
            .WithName("DesignSession")
            .WithSummary("The signed-in caller's name and scopes, and what this designer offers.");
    }

    internal static SessionResponse Get(ClaimsPrincipal user, TemplateCatalog templates)
    {
        var scopes = user.FindAll(ApiScopes.ClaimType)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new SessionResponse(
            user.Identity?.Name ?? "",
            user.Identity?.AuthenticationType ?? "",
            scopes,
            [PinnedOutputActivity.TypeId],
            templates.IsAvailable);
    }
}

/// <param name="HiddenActivityTypes">Registered types the palette must not offer (design-time stand-ins).</param>
internal sealed record SessionResponse(
    string Name,
    string Scheme,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> HiddenActivityTypes,
    bool TemplatesAvailable);
