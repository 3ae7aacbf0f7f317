using System.Security.Cryptography;
using System.Text;

namespace ServicesSync.Connections.Auth;

/// <summary>
/// OAuth 1.0a request signing (RFC 5849 section 3.4) with HMAC-SHA256, as NetSuite's
/// token-based authentication requires. The signature covers the method, the base URL and the
/// query and oauth_* parameters; a JSON body is not part of it.
/// </summary>
internal static class OAuth1Signature
{
    public sealed record Parameters(
        string Realm,
        string ConsumerKey,
        string ConsumerSecret,
        string Token,
        string TokenSecret,
        string Nonce,
        long Timestamp);

    /// <summary>The complete <c>Authorization</c> header value for one request.</summary>
    public static string AuthorizationHeader(HttpMethod method, Uri uri, Parameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var signature = Sign(method, uri, p);
        var header = new StringBuilder("OAuth ");
        header.Append("realm=\"").Append(Encode(p.Realm)).Append('"');
        foreach (var (name, value) in OAuthParameters(p).Append(new("oauth_signature", signature)))
        {
            header.Append(", ").Append(name).Append("=\"").Append(Encode(value)).Append('"');
        }

        return header.ToString();
    }

    public static string Sign(HttpMethod method, Uri uri, Parameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var key = Encoding.ASCII.GetBytes(Encode(p.ConsumerSecret) + "&" + Encode(p.TokenSecret));
        var baseString = Encoding.ASCII.GetBytes(BaseString(method, uri, p));
        return Convert.ToBase64String(HMACSHA256.HashData(key, baseString));
    }

    /// <summary>Section 3.4.1: METHOD &amp; encoded base URL &amp; encoded normalised parameters.</summary>
    public static string BaseString(HttpMethod method, Uri uri, Parameters p)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        var pairs = QueryParameters(uri)
            .Concat(OAuthParameters(p))
            .Select(kv => (Name: Encode(kv.Key), Value: Encode(kv.Value)))
            .OrderBy(kv => kv.Name, StringComparer.Ordinal)
            .ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => kv.Name + "=" + kv.Value);
        return method.Method.ToUpperInvariant() + "&" + Encode(BaseUrl(uri)) + "&" + Encode(string.Join("&", pairs));
    }

    /// <summary>Section 3.6: unreserved characters stay, everything else is %XX of its UTF-8 bytes, upper-case hex.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<KeyValuePair<string, string>> OAuthParameters(Parameters p) =>
    [
        new("oauth_consumer_key", p.ConsumerKey),
        new("oauth_token", p.Token),
        new("oauth_signature_method", "HMAC-SHA256"),
        new("oauth_timestamp", p.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("oauth_nonce", p.Nonce),
        new("oauth_version", "1.0"),
    ];

    /// <summary>Section 3.4.1.2: lower-case scheme and host, the port only when it is not the default.</summary>
    private static string BaseUrl(Uri uri)
    {
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return uri.Scheme.ToLowerInvariant() + "://" + uri.Host.ToLowerInvariant() + port + uri.AbsolutePath;
    }

    private static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            yield break;
        }

        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            yield return new(Uri.UnescapeDataString(name.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
    }
}
