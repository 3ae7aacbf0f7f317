namespace ServicesSync.Connections.Auth;

internal static class AuthenticatorFactory
{
    public static IConnectionAuthenticator Create(Connection connection, HttpClient client, TimeProvider clock)
    {
        var auth = connection.Definition.Auth;
        var secrets = connection.Secrets;
        return auth.Kind switch
        {
            AuthKinds.Bearer => HeaderAuthenticator.Bearer(secrets.Require(connection.Id, "token")),
            AuthKinds.Basic => HeaderAuthenticator.Basic(auth.Username ?? "", secrets.Require(connection.Id, "password")),
            AuthKinds.ApiKey => HeaderAuthenticator.ApiKey(auth.HeaderName!, secrets.Require(connection.Id, "key")),
            AuthKinds.BambooHrApiKey => HeaderAuthenticator.BasicWithSecretUser(secrets.Require(connection.Id, "apiKey"), "x"),
            AuthKinds.RedmineApiKey => HeaderAuthenticator.ApiKey("X-Redmine-API-Key", secrets.Require(connection.Id, "apiKey")),
            AuthKinds.OAuth2ClientCredentials => new OAuth2ClientCredentialsAuthenticator(connection, client, clock),
            AuthKinds.NetSuiteTba => new NetSuiteTokenAuthenticator(connection, clock),
            AuthKinds.TrytonSession => new TrytonSessionAuthenticator(connection, client, clock),
            _ => HeaderAuthenticator.None,
        };
    }
}
