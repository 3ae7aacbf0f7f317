namespace ServicesSync.Api;

/// <summary>Settings of the HTTP API, bound from the <c>ServicesSync:Api</c> configuration section by hosts.</summary>
public sealed class ServicesSyncApiOptions
{
    /// <summary>
    /// How long a validated API key is remembered before the store is asked again. A revoked key
    /// keeps working on a server for at most this long; <see cref="TimeSpan.Zero"/> checks every request.
    /// </summary>
    public TimeSpan ApiKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest <c>wait</c> a run request may ask for.</summary>
    public TimeSpan MaxRunWait { get; set; } = TimeSpan.FromSeconds(60);
}
