using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServicesSync.Connections.Http;
using ServicesSync.Connections.Management;
using ServicesSync.Connections.Secrets;
using ServicesSync.Persistence;

namespace ServicesSync.Connections;

public static class ConnectionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers connections: the service over the store, the secret encryption (key from
    /// <c>ServicesSync:Secrets</c>, else <c>DATA/secrets.key</c> generated at first start, else a
    /// key that lives only in this process) and the shared HTTP pipeline. Idempotent.
    /// </summary>
    public static IServiceCollection AddServicesSyncConnections(this IServiceCollection services, IConfiguration? configuration = null, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IConnectionService)))
        {
            return services;
        }

        var options = ReadOptions(configuration, dataDirectory);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectionStore>(sp => sp.GetRequiredService<IWorkflowStore>());
        services.AddSingleton(sp => SecretKeyRingFactory.Create(
            options, sp.GetService<ILoggerFactory>()?.CreateLogger("ServicesSync.Connections.Secrets") ?? NullLogger.Instance));
        services.AddSingleton(sp => new SecretProtector(sp.GetRequiredService<SecretKeyRing>()));
        services.AddSingleton<IConnectionService, ConnectionService>();
        services.AddSingleton<ConnectionTester>();
        services.AddConnectionHttp();
        // Hosts that run hosted services settle the key at start, so a generated key is announced then.
        services.AddSingleton<IHostedService, SecretKeyStartup>();
        return services;
    }

    /// <summary>
    /// Registers only the outbound HTTP pipeline (<see cref="IConnectionHttp"/>), for callers that
    /// send through ad-hoc connections (<see cref="Connection.ForUrl"/>) without a connection store. Idempotent.
    /// </summary>
    public static IServiceCollection AddConnectionHttp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IConnectionHttp)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IConnectionHttp>(sp => new ConnectionHttp(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<ConnectionHttp>() ?? NullLogger<ConnectionHttp>.Instance));
        services.AddHttpClient(ConnectionHttp.ClientName, client =>
            {
                // The pipeline times each attempt itself; the client-wide limit would cut retries short.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("ServicesSync/1.0");
            })
            // The default handlers log full URLs, query strings included; the pipeline logs redacted ones.
            .RemoveAllLoggers();
        return services;
    }

    private static SecretsOptions ReadOptions(IConfiguration? configuration, string? dataDirectory)
    {
        var options = new SecretsOptions();
        var section = configuration?.GetSection(SecretsOptions.Section);
        options.Key = section?["Key"];
        if (section is not null)
        {
            var previous = section.GetSection("PreviousKeys");
            if (!string.IsNullOrWhiteSpace(previous.Value))
            {
                options.PreviousKeys.Add(previous.Value);
            }

            foreach (var child in previous.GetChildren())
            {
                if (!string.IsNullOrWhiteSpace(child.Value))
                {
                    options.PreviousKeys.Add(child.Value);
                }
            }
        }

        options.KeyFile = section?["KeyFile"] ?? (dataDirectory is null ? null : Path.Combine(dataDirectory, "secrets.key"));
        return options;
    }

    private sealed class SecretKeyStartup(SecretProtector protector) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = protector.CurrentKeyId;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
