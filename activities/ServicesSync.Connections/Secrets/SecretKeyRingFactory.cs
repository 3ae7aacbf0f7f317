using Microsoft.Extensions.Logging;

namespace ServicesSync.Connections.Secrets;

/// <summary>
/// Builds the key ring from <see cref="SecretsOptions"/>: the configured key, else the key file
/// (generated at first start), else a key that lives only in this process.
/// </summary>
internal static partial class SecretKeyRingFactory
{
    public static SecretKeyRing Create(SecretsOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var previous = options.PreviousKeys
            .SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select((k, i) => SecretKey.Parse(k, $"{SecretsOptions.Section}:PreviousKeys:{i}"))
            .ToList();
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return new SecretKeyRing(SecretKey.Parse(options.Key, $"{SecretsOptions.Section}:Key"), previous);
        }

        if (options.KeyFile is { Length: > 0 } path)
        {
            var (key, created) = SecretKeyFile.LoadOrCreate(path);
            if (created)
            {
                Log.GeneratedKeyFile(logger, path, key.Id);
            }

            return new SecretKeyRing(key, previous);
        }

        Log.EphemeralKey(logger);
        return new SecretKeyRing(SecretKey.Generate(), previous);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No ServicesSync:Secrets:Key is configured: generated secrets key {KeyId} into {KeyFile} (mode 600). "
            + "Anyone who can read the data directory can read connection secrets; configure the key from a secret store in production (see docs/connections.md)")]
        public static partial void GeneratedKeyFile(ILogger logger, string keyFile, string keyId);

        [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "No secrets key is configured and no data directory is used: connection secrets are encrypted with a key that lives only in this process")]
        public static partial void EphemeralKey(ILogger logger);
    }
}
