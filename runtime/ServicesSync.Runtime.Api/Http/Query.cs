using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Api.Http;

/// <summary>
/// Parses query parameters by hand so a bad value gets a message naming the parameter and what
/// it accepts, instead of a bare 400 from model binding.
/// </summary>
internal static class Query
{
    public static string? String(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static int? Int(HttpRequest request, string name, int min, int max)
    {
        var text = String(request, name);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Invalid($"The query parameter '{name}' must be a whole number from {min} to {max}; got '{text}'.");
        }

        return value;
    }

    public static DateTimeOffset? Timestamp(HttpRequest request, string name)
    {
        var text = String(request, name);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            throw Invalid($"The query parameter '{name}' must be an ISO 8601 timestamp such as 2026-01-31T12:00:00Z; got '{text}'.");
        }

        return value;
    }

    public static TEnum? Enum<TEnum>(HttpRequest request, string name)
        where TEnum : struct, Enum
    {
        var text = String(request, name);
        if (text is null)
        {
            return null;
        }

        // Names only: "2" must not sneak in as a status.
        if (!char.IsLetter(text[0]) || !System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value))
        {
            var allowed = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
            throw Invalid($"The query parameter '{name}' must be one of {allowed}; got '{text}'.");
        }

        return value;
    }

    public static BadHttpRequestException Invalid(string message) => new(message, StatusCodes.Status400BadRequest);
}
