namespace ServicesSync.Persistence.PostgreSql;

/// <summary>
/// Where and how the PostgreSQL store connects. Pool size, TLS (<c>SSL Mode</c>, <c>Root
/// Certificate</c>) and timeouts are Npgsql connection-string keywords; the statement timeout
/// is set here because it is a server setting, not a connection-string one.
/// </summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>An Npgsql connection string or a <c>postgres://user:password@host:port/database?sslmode=…</c> URI.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>How long one statement may run before the server cancels it.</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Applies missing schema migrations when the store opens (the default). When false, a
    /// database behind this build is refused and <c>servicessync db migrate</c> must run first.
    /// </summary>
    public bool MigrateOnOpen { get; set; } = true;
}
