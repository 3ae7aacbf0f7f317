using System.Text;

namespace ServicesSync.Connections.Auth;

/// <summary>Credentials that are one fixed header: bearer, basic, API key, Redmine API key, or none.</summary>
internal sealed class HeaderAuthenticator : IConnectionAuthenticator
{
    private readonly string? name;
    private readonly string? value;
    private readonly string[] sensitive;

    private HeaderAuthenticator(string? name, string? value, params string[] sensitive)
    {
        this.name = name;
        this.value = value;
        this.sensitive = sensitive;
    }

    public static HeaderAuthenticator None { get; } = new(null, null);

    public IEnumerable<string> SensitiveValues => sensitive;

    public static HeaderAuthenticator Bearer(string token) => new("Authorization", "Bearer " + token, token);

    public static HeaderAuthenticator Basic(string username, string password)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password));
        return new("Authorization", "Basic " + encoded, password, encoded);
    }

    /// <summary>Basic where the user name is the secret (BambooHR's API key), so it is scrubbed from excerpts too.</summary>
    public static HeaderAuthenticator BasicWithSecretUser(string secretUser, string password)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(secretUser + ":" + password));
        return new("Authorization", "Basic " + encoded, secretUser, encoded);
    }

    public static HeaderAuthenticator ApiKey(string header, string key) => new(header, key, key);

    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (name is not null)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A fixed credential does not get better by asking again.</summary>
    public ValueTask<bool> RefreshAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public void Dispose()
    {
    }
}
