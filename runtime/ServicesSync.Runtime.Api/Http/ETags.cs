using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ServicesSync.Api.Http;

/// <summary>Strong, quoted entity tags for drafts and <c>If-Match</c> comparison (RFC 9110 §13.1.1).</summary>
internal static class ETags
{
    public static string ToHeader(string storeETag)
        => storeETag.StartsWith('"') ? storeETag : $"\"{storeETag}\"";

    /// <summary>The raw <c>If-Match</c> value, or null when the request has none.</summary>
    public static string? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>
    /// Whether <paramref name="ifMatch"/> (a list of tags or <c>*</c>) matches the stored tag.
    /// Weak tags never match: If-Match uses the strong comparison.
    /// </summary>
    public static bool Matches(string ifMatch, string storeETag)
    {
        if (!EntityTagHeaderValue.TryParseList([ifMatch], out var tags))
        {
            throw new BadHttpRequestException(
                $"The If-Match header '{ifMatch}' is not a list of quoted entity tags such as \"abc\".",
                StatusCodes.Status400BadRequest);
        }

        var current = ToHeader(storeETag);
        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any) || (!tag.IsWeak && tag.Tag.Equals(current, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
