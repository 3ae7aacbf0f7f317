using Npgsql;

namespace ServicesSync.Testing.RealSystems;

/// <summary>
/// The real PostgreSQL the store tests run on: a private cluster on loopback started by
/// eng/realsystems/postgres.sh (installed from Debian packages if missing). Each caller gets
/// its own empty schema, so tests never see each other's rows and need no clean-up order.
/// A server that cannot be started fails the tests with the script's reason, never a skip.
/// </summary>
public static class PostgreSqlServer
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, string>>> Server = new(() => RealSystemScript.RunAsync("postgres.sh", "start"));

    /// <summary>The server's superuser connection string (database <c>postgres</c>).</summary>
    public static async Task<string> ConnectionStringAsync() => (await Server.Value)["PG_CONNECTION"];

    /// <summary>
    /// A connection string whose tables live in a new, empty schema named after
    /// <paramref name="purpose"/>: what a fresh database would be to the store.
    /// </summary>
    public static async Task<string> CreateScratchAsync(string purpose = "test")
        => await CreateScratchAsync(purpose, await ConnectionStringAsync());

    /// <summary>The same on the server of <paramref name="baseline"/> (a <see cref="PrivatePostgreSqlServer"/>).</summary>
    public static async Task<string> CreateScratchAsync(string purpose, string baseline)
    {
        var schema = $"{Sanitize(purpose)}_{Guid.NewGuid():N}"[..Math.Min(60, Sanitize(purpose).Length + 33)];
        await using (var connection = new NpgsqlConnection(baseline))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create schema \"{schema}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(baseline) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>Runs one SQL statement on the schema of <paramref name="connectionString"/> (test set-up and inspection).</summary>
    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static string Sanitize(string purpose)
        => new([.. purpose.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_').Take(24)]);
}
