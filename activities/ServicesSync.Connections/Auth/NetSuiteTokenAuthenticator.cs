using System.Security.Cryptography;

namespace ServicesSync.Connections.Auth;

/// <summary>
/// NetSuite token-based authentication: every request gets its own OAuth 1.0a signature with a
/// fresh nonce and timestamp, so nothing is cached and a rejection cannot be refreshed away.
/// </summary>
internal sealed class NetSuiteTokenAuthenticator(Connection connection, TimeProvider clock) : IConnectionAuthenticator
{
    private readonly string realm = Realm(connection.Definition.Auth.AccountId ?? "");
    private readonly string consumerKey = connection.Secrets.Require(connection.Id, "consumerKey");
    private readonly string consumerSecret = connection.Secrets.Require(connection.Id, "consumerSecret");
    private readonly string tokenId = connection.Secrets.Require(connection.Id, "tokenId");
    private readonly string tokenSecret = connection.Secrets.Require(connection.Id, "tokenSecret");

    public IEnumerable<string> SensitiveValues => [consumerKey, consumerSecret, tokenId, tokenSecret];

    /// <summary>NetSuite's realm is the account id in upper case with '_' (sandbox <c>1234567_SB1</c>), whatever the URL host says.</summary>
    public static string Realm(string accountId) => accountId.Trim().ToUpperInvariant().Replace('-', '_');

    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new OAuth1Signature.Parameters(
            realm,
            consumerKey,
            consumerSecret,
            tokenId,
            tokenSecret,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            clock.GetUtcNow().ToUnixTimeSeconds());
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", OAuth1Signature.AuthorizationHeader(request.Method, request.RequestUri!, parameters));
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RefreshAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public void Dispose()
    {
    }
}
