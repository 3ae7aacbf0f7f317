using System.Security.Cryptography;
using ServicesSync.Testing.Host;
using ServicesSync.Testing.RealSystems;

namespace ServicesSync.Host.Tests.MultiNode;

/// <summary>
/// Object mother: what the <c>serve</c> processes of one deployment share — a scratch PostgreSQL
/// schema, an API key they all accept and the secrets key — and the options of each node.
/// </summary>
internal sealed class Cluster
{
    private Cluster(string store) => Store = store;

    public string Store { get; }

    public string ApiKey { get; } = "ss_test_" + Guid.NewGuid().ToString("N");

    public string SecretsKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<Cluster> CreateAsync(string purpose) => new(await PostgreSqlServer.CreateScratchAsync(purpose));

    /// <summary>A node; with <paramref name="lease"/>, short leases and a scan every second, so takeovers happen in seconds.</summary>
    public ServicesSyncProcessOptions Node(string? name = null, TimeSpan? lease = null)
    {
        var options = new ServicesSyncProcessOptions { ApiKey = ApiKey };
        options.ExtraArguments.Add("--store");
        options.ExtraArguments.Add(Store);
        options.Environment["ServicesSync__Secrets__Key"] = SecretsKey;
        if (name is not null)
        {
            options.Environment["ServicesSync__Runtime__NodeId"] = name;
        }

        if (lease is { } duration)
        {
            options.Environment["ServicesSync__Runtime__LeaseDuration"] = duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
            options.Environment["ServicesSync__Runtime__OrphanScanInterval"] = "00:00:01";
        }

        return options;
    }

    public Task<ServicesSyncProcess> StartAsync(string? name = null, TimeSpan? lease = null) => ServicesSyncProcess.StartAsync(Node(name, lease));
}
