using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ServicesSync.Connections.Http;
using ServicesSync.Errors;

namespace ServicesSync.Connections.Auth;

/// <summary>
/// OAuth 2 client credentials (RFC 6749 section 4.4): one token fetched from the token endpoint
/// and reused until shortly before it expires, by every call of the connection.
/// </summary>
internal sealed class OAuth2ClientCredentialsAuthenticator(Connection connection, HttpClient client, TimeProvider clock) : IConnectionAuthenticator
{
    /// <summary>Renew this long before the stated expiry, so a token never expires in flight.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string clientSecret = connection.Secrets.Require(connection.Id, "clientSecret");
    private string? token;
    private DateTimeOffset expires;

    public void Dispose() => gate.Dispose();

    /// <summary>The secret, the Basic pair it is sent in, and the token while there is one.</summary>
    public IEnumerable<string> SensitiveValues => token is null ? [clientSecret, BasicPair] : [clientSecret, BasicPair, token];

    // RFC 6749 2.3.1: both parts form-encoded before they are joined and base64-encoded.
    private string BasicPair => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        Uri.EscapeDataString(connection.Definition.Auth.ClientId ?? "") + ":" + Uri.EscapeDataString(clientSecret)));

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current);
    }

    public async ValueTask<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        // A token revoked before its expiry: fetch a new one once; a second rejection is real.
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var had = token is not null;
            token = null;
            return had;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (token is not null && clock.GetUtcNow() < expires)
            {
                return token;
            }

            (token, expires) = await FetchAsync(cancellationToken).ConfigureAwait(false);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(string Token, DateTimeOffset Expires)> FetchAsync(CancellationToken cancellationToken)
    {
        var auth = connection.Definition.Auth;
        var endpoint = new Uri(auth.TokenEndpoint!, UriKind.Absolute);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (!string.IsNullOrWhiteSpace(auth.Scope))
        {
            form.Add(new("scope", auth.Scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        if (auth.ClientAuthentication == "body")
        {
            form.Add(new("client_id", auth.ClientId!));
            form.Add(new("client_secret", clientSecret));
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicPair);
        }

        request.Content = new FormUrlEncodedContent(form);
        var what = $"Connection '{connection.Id}': the token request POST {Redactor.DisplayUrl(endpoint)}";
        using var timeout = new CancellationTokenSource(connection.Definition.Resilience.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ServicesSyncException($"{what} failed: {(ex is OperationCanceledException ? "timed out" : ex.Message)}", ErrorKind.Transient);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= 500 || status == 429)
            {
                throw new ServicesSyncException($"{what} answered {status}.", ErrorKind.Transient);
            }

            using var json = TryParse(body);
            var root = json?.RootElement;
            if (!response.IsSuccessStatusCode)
            {
                // Only the standard error code: the description may quote the request.
                var code = root?.ValueKind == JsonValueKind.Object && root.Value.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
                    ? $" ({e.GetString()})" : "";
                throw new ServicesSyncException(
                    $"{what} answered {status}{code}: check the client id and secret of connection '{connection.Id}'.", ErrorKind.Configuration);
            }

            if (root?.ValueKind != JsonValueKind.Object || !root.Value.TryGetProperty("access_token", out var accessToken)
                || accessToken.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(accessToken.GetString()))
            {
                throw new ServicesSyncException($"{what} answered without an access_token.", ErrorKind.Permanent);
            }

            var lifetime = root.Value.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt64(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromMinutes(5);
            var usable = lifetime > Skew * 2 ? lifetime - Skew : lifetime / 2;
            return (accessToken.GetString()!, clock.GetUtcNow() + usable);
        }
    }

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
