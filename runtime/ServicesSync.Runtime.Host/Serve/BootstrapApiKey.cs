using ServicesSync.Api.Security;
using ServicesSync.Persistence;

namespace ServicesSync.Host.Serve;

/// <summary>
/// Lets a container start with a known key: when <c>SERVICESSYNC_BOOTSTRAP_API_KEY</c> is set and
/// the store has no API key yet, that key is stored (hashed) with every scope. Once any key
/// exists the variable is ignored, so rotating keys through the CLI is never undone by a restart.
/// </summary>
internal sealed partial class BootstrapApiKey(
    IConfiguration configuration, IApiKeyStore store, TimeProvider timeProvider, ILogger<BootstrapApiKey> logger) : IHostedService
{
    public const int MinimumLength = 20;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var key = configuration[ServeSettings.BootstrapApiKeyVariable]?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        if (key.Length < MinimumLength)
        {
            throw new InvalidOperationException(
                $"{ServeSettings.BootstrapApiKeyVariable} must be at least {MinimumLength} characters long; generate one with 'openssl rand -base64 32'.");
        }

        if ((await store.ListApiKeysAsync(cancellationToken)).Count > 0)
        {
            LogIgnored(logger, ServeSettings.BootstrapApiKeyVariable);
            return;
        }

        var record = ApiKeys.CreateRecord(key, "bootstrap", ApiScopes.All, timeProvider.GetUtcNow());
        try
        {
            await store.AddApiKeyAsync(record, cancellationToken);
        }
        catch (Errors.ConflictException)
        {
            // Several nodes starting together on one PostgreSQL store: another one stored it first.
            LogIgnored(logger, ServeSettings.BootstrapApiKeyVariable);
            return;
        }

        LogStored(logger, record.Id, ServeSettings.BootstrapApiKeyVariable);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the bootstrap API key {KeyId} from {Variable} with every scope")]
    private static partial void LogStored(ILogger logger, string keyId, string variable);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Variable} ignored: the store already has API keys")]
    private static partial void LogIgnored(ILogger logger, string variable);
}
