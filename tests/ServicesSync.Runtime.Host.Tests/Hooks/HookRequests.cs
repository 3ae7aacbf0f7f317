using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServicesSync.Host.Tests.Hooks;

/// <summary>Builds webhook requests the way senders sign them.</summary>
internal static class HookRequests
{
    public static HttpRequestMessage Json(string path, string body, string method = "POST")
        => Raw(path, Encoding.UTF8.GetBytes(body), "application/json", method);

    public static HttpRequestMessage Raw(string path, byte[] body, string? contentType, string method = "POST")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return new HttpRequestMessage(new HttpMethod(method), "/hooks/" + path) { Content = content };
    }

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Hex(string secret, byte[] content) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), content));

    /// <summary>The generic scheme with a timestamp header: HMAC of "timestamp.body".</summary>
    public static HttpRequestMessage Signed(string path, string body, string secret, string? timestamp = null, string header = "X-Hub-Signature-256")
    {
        var request = Json(path, body);
        var stamp = timestamp ?? Now();
        request.Headers.Add("X-Timestamp", stamp);
        request.Headers.Add(header, "sha256=" + Hex(secret, Encoding.UTF8.GetBytes(stamp + "." + body)));
        return request;
    }

    /// <summary>BambooHR: hex HMAC-SHA256 of the body followed by the X-BambooHR-Timestamp value.</summary>
    public static HttpRequestMessage Bamboo(string path, string body, string secret, string? timestamp = null)
    {
        var request = Json(path, body);
        var stamp = timestamp ?? Now();
        request.Headers.Add("X-BambooHR-Timestamp", stamp);
        request.Headers.Add("X-BambooHR-Signature", Hex(secret, Encoding.UTF8.GetBytes(body + stamp)));
        return request;
    }
}
