using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Testing.Stubs;

/// <summary>What every vendor stub does alike: check the credentials it was started with, answer JSON.</summary>
internal static class StubHttp
{
    public static string Basic(string user, string password)
        => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    /// <summary>The user name of a Basic Authorization header, or null.</summary>
    public static string? BasicUser(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
            return pair.Split(':', 2)[0];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static bool HasAuthorization(HttpContext context, string expected)
        => string.Equals(context.Request.Headers.Authorization.ToString(), expected, StringComparison.Ordinal);

    public static Task Json(HttpContext context, int status, JsonNode body, string contentType = "application/json;charset=UTF-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body.ToJsonString());
    }

    public static Task Text(HttpContext context, int status, string body, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    public static string Query(HttpContext context, string name) => context.Request.Query[name].ToString();

    public static int QueryInt(HttpContext context, string name, int fallback)
        => int.TryParse(context.Request.Query[name].ToString(), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
