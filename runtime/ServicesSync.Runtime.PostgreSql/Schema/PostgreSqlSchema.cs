using System.Net.Sockets;
using Npgsql;
using ServicesSync.Errors;

namespace ServicesSync.Persistence.PostgreSql.Schema;

/// <summary>What <c>servicessync db migrate</c> does: brings a database to this build's schema without opening a store.</summary>
public static class PostgreSqlSchema
{
    /// <summary>The schema version this build runs on.</summary>
    public static int LatestVersion => SchemaMigrations.LatestVersion;

    /// <summary>
    /// Applies the missing migrations to the database of <paramref name="connectionString"/>;
    /// returns the versions before and after. A newer schema, a refused login or an unreachable
    /// server is a <see cref="ServicesSyncException"/> of kind Configuration naming the database.
    /// </summary>
    public static (int From, int To) Migrate(string connectionString)
    {
        var builder = StoreConnectionString.Parse(connectionString);
        var database = StoreConnectionString.Describe(builder);
        try
        {
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return SchemaMigrator.Migrate(connection, database);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new ServicesSyncException($"The PostgreSQL store {database} cannot be reached: {e.Message}", ErrorKind.Configuration, retryable: false, e);
        }
    }
}
