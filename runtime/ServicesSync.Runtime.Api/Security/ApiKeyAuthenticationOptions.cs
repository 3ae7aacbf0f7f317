using Microsoft.AspNetCore.Authentication;

namespace ServicesSync.Api.Security;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
}
