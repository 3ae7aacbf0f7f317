using Microsoft.Extensions.Configuration;
using ServicesSync.Persistence.PostgreSql;

namespace ServicesSync.Composition.Storage;

/// <summary>
/// Which store a host or command uses: PostgreSQL when a connection string is given (by
/// <c>--store</c>, <c>ServicesSync:Store:ConnectionString</c> or
/// <c>ServicesSync__Store__ConnectionString</c>), else the LiteDB file under the data directory.
/// The data directory is needed either way: it holds logs, the secrets key and file drops.
/// </summary>
public sealed record StoreChoice(string DataDirectory, string? ConnectionString)
{
    public const string ConnectionStringKey = "ServicesSync:Store:ConnectionString";

    /// <summary>The same key as an environment variable, for commands that read no configuration files.</summary>
    public const string ConnectionStringVariable = "ServicesSync__Store__ConnectionString";

    /// <summary>The section PostgreSQL store settings are read from (<c>StatementTimeout</c>, <c>MigrateOnOpen</c>).</summary>
    public const string SectionKey = "ServicesSync:Store";

    /// <summary>The setting every node sharing a PostgreSQL store must have, with the same value.</summary>
    public const string SecretsKeyKey = "ServicesSync:Secrets:Key";

    public bool IsPostgreSql => ConnectionString is not null;

    /// <summary>
    /// A PostgreSQL store is shared: a connection saved through one node must decrypt on every
    /// other, so the secrets key cannot be the per-directory key a single box generates for itself.
    /// </summary>
    public void EnsureSharedSecretsKey(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (IsPostgreSql && NonBlank(configuration[SecretsKeyKey]) is null)
        {
            var store = Describe();
            throw new Errors.ServicesSyncException(
                $"{char.ToUpperInvariant(store[0])}{store[1..]} is shared by every node, so they need one secrets key: set ServicesSync__Secrets__Key "
                + "(32 random bytes in base64, e.g. 'openssl rand -base64 32') to the same value on every node and the designer.",
                Errors.ErrorKind.Configuration);
        }
    }

    /// <summary>What a message shows of the store: the database without its password, or the data directory.</summary>
    public string Describe()
    {
        if (ConnectionString is not { } connectionString)
        {
            return "the LiteDB store in " + DataDirectory;
        }

        try
        {
            return "the PostgreSQL store " + StoreConnectionString.Describe(StoreConnectionString.Parse(connectionString));
        }
        catch (Errors.ServicesSyncException)
        {
            return "the PostgreSQL store";
        }
    }

    /// <summary>
    /// <paramref name="option"/> (<c>--store</c>) when given, else the configured connection string,
    /// else the environment variable; null (LiteDB) when none is set.
    /// </summary>
    public static string? ResolveConnectionString(string? option, IConfiguration? configuration = null)
        => NonBlank(option)
           ?? NonBlank(configuration?[ConnectionStringKey])
           ?? NonBlank(Environment.GetEnvironmentVariable(ConnectionStringVariable));

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
