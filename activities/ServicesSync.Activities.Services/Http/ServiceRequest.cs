namespace ServicesSync.Activities.Services.Http;

/// <summary>A GET of JSON from a vendor API: the URL, how to authenticate and which system it is (for messages).</summary>
public sealed record ServiceRequest(string System, Uri Url, ServiceAuth Auth, TimeSpan Timeout)
{
    /// <summary>The URL without query string or user info, safe for errors and logs.</summary>
    public string DisplayUrl => Url.GetLeftPart(UriPartial.Path);

    /// <summary>Joins a base URL (with or without a trailing slash) and a relative path and query.</summary>
    public static Uri Combine(string baseUrl, string relative)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(relative);
        return new Uri(baseUrl.TrimEnd('/') + "/" + relative.TrimStart('/'));
    }
}
