using ServicesSync.Api.Security;
using ServicesSync.Persistence;

namespace ServicesSync.Designer.Hosting;

/// <summary>
/// On the first start of a data directory (no API key stored yet) creates a key with every
/// scope, stores only its hash, prints it once and writes it to <c>DATA/initial-api-key.txt</c>
/// readable by the owner alone, so the person who started the designer can sign in. The key
/// never goes through the logger: log files and sinks outlive the console.
/// </summary>
internal sealed partial class InitialApiKey(
    IApiKeyStore store, InitialApiKeyOptions options, TimeProvider timeProvider, ILogger<InitialApiKey> logger) : IHostedService
{
    public const string KeyName = "designer (initial)";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if ((await store.ListApiKeysAsync(cancellationToken)).Count > 0)
        {
            if (File.Exists(options.FilePath))
            {
                LogExisting(logger, options.FilePath);
            }

            return;
        }

        var key = ApiKeys.Generate();
        var record = ApiKeys.CreateRecord(key, KeyName, ApiScopes.All, timeProvider.GetUtcNow());
        await WriteKeyFileAsync(options.FilePath, key, cancellationToken);
        await store.AddApiKeyAsync(record, cancellationToken);
        await options.Console.WriteLineAsync($"Sign in with this key: {key}");
        await options.Console.WriteLineAsync($"(also written to {options.FilePath}; it is shown only this once)");
        await options.Console.FlushAsync(cancellationToken);
        LogCreated(logger, record.Id, options.FilePath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task WriteKeyFileAsync(string path, string key, CancellationToken cancellationToken)
    {
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Created with owner-only permissions: no moment where another user could read it.
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, fileOptions);
        await using var writer = new StreamWriter(stream);
        await writer.WriteLineAsync(key.AsMemory(), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            // An older file of the same name keeps its mode on overwrite; tighten it either way.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the initial API key {KeyId} with every scope; the key itself is in {Path}")]
    private static partial void LogCreated(ILogger logger, string keyId, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign in with an API key; the first one was written to {Path}")]
    private static partial void LogExisting(ILogger logger, string path);
}
