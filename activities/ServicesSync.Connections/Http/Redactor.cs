using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServicesSync.Connections.Http;

/// <summary>
/// Removes known secret values from text that leaves the pipeline: error messages, response
/// bodies and headers. A server may echo a credential back in any of the encodings it travelled
/// in, so every value is also looked for URL-encoded (both hex cases, form style with '+'),
/// JSON-escaped and base64-encoded.
/// </summary>
internal static class Redactor
{
    public const string Mask = "***";

    /// <summary>Shorter values would mask ordinary words; no credential is that short.</summary>
    public const int MinimumLength = 4;

    /// <summary>
    /// In data handed back to the caller (response bodies and headers) a short secret such as a
    /// test password "admin" would rewrite ordinary values, so only longer ones are masked there;
    /// errors mask everything from <see cref="MinimumLength"/> on.
    /// </summary>
    public const int MinimumLengthInData = 8;

    public static string Scrub(string text, IEnumerable<string> sensitive)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sensitive);
        if (text.Length == 0)
        {
            return text;
        }

        foreach (var value in Forms(sensitive))
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Every form a secret can take on the wire, longest first so no part of a longer one survives.</summary>
    public static IReadOnlyList<string> Forms(IEnumerable<string> sensitive, int minimumLength = MinimumLength)
    {
        ArgumentNullException.ThrowIfNull(sensitive);
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in sensitive)
        {
            if (value is null || value.Length < Math.Max(minimumLength, MinimumLength))
            {
                continue;
            }

            forms.Add(value);
            var escaped = Uri.EscapeDataString(value);
            forms.Add(escaped);
            forms.Add(LowerHex(escaped));
            // FormUrlEncodedContent: RFC 3986 escaping with '+' for a space.
            forms.Add(escaped.Replace("%20", "+", StringComparison.Ordinal));
            forms.Add(LowerHex(escaped.Replace("%20", "+", StringComparison.Ordinal)));
            var form = WebUtility.UrlEncode(value);
            forms.Add(form);
            forms.Add(LowerHex(form));
            // Form encodings that escape more than RFC 3986 asks (e.g. '*' or '~').
            forms.Add(OAuthEncode(value));
            forms.Add(JsonEncodedText.Encode(value).ToString());
            forms.Add(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());
            forms.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(value)));
        }

        return [.. forms.Where(f => f.Length >= MinimumLength).OrderByDescending(f => f.Length)];
    }

    /// <summary>The URL as errors and logs may show it: no user info, no query string.</summary>
    public static string DisplayUrl(Uri uri)
        => uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    private static string OAuthEncode(string value)
    {
        var builder = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.' or (byte)'_')
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

    private static string LowerHex(string encoded)
    {
        var chars = encoded.ToCharArray();
        for (var i = 0; i + 2 < chars.Length; i++)
        {
            if (chars[i] == '%')
            {
                chars[i + 1] = char.ToLowerInvariant(chars[i + 1]);
                chars[i + 2] = char.ToLowerInvariant(chars[i + 2]);
            }
        }

        return new string(chars);
    }
}
