namespace ServicesSync.Api.Hooks;

/// <summary>
/// Resolves the secret a webhook trigger names (definitions hold names, never secret values). The
/// configuration source is the default; the encrypted connection store can take its place.
/// </summary>
public interface IWebhookSecretSource
{
    /// <summary>The secret's bytes, or null when no secret has that name.</summary>
    ValueTask<byte[]?> GetAsync(string name, CancellationToken cancellationToken);
}
