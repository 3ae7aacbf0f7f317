using Npgsql;
using ServicesSync.Errors;

namespace ServicesSync.Persistence.PostgreSql.Schema;

/// <summary>
/// Brings a database to the schema this build runs on. Every node calls it at start; an
/// advisory lock held for the transaction lets exactly one of several nodes starting together
/// apply a step while the others wait and then find nothing left to do. Each step runs in its
/// own transaction with its row in <c>servicessync_schema</c>, so a failed step leaves the
/// database at the previous version, never half-way.
/// </summary>
internal static class SchemaMigrator
{
    // Any fixed number works; this one spells "SSYNC" so it is recognisable in pg_locks.
    private const long LockKey = 0x5353_594E_43;

    private const string CreateTable = """
        create table if not exists servicessync_schema (
            version integer primary key,
            name text not null,
            applied_at timestamptz not null default now()
        )
        """;

    /// <summary>The schema version of the database (0 when it was never migrated).</summary>
    public static int ReadVersion(NpgsqlConnection connection)
    {
        using var exists = new NpgsqlCommand("select to_regclass('servicessync_schema') is not null", connection);
        if (!(bool)exists.ExecuteScalar()!)
        {
            return 0;
        }

        using var read = new NpgsqlCommand("select coalesce(max(version), 0) from servicessync_schema", connection);
        return (int)read.ExecuteScalar()!;
    }

    /// <summary>Applies the missing steps; returns the versions before and after.</summary>
    public static (int From, int To) Migrate(NpgsqlConnection connection, string database)
    {
        using (var transaction = connection.BeginTransaction())
        {
            Lock(connection, transaction);
            using (var create = new NpgsqlCommand(CreateTable, connection, transaction))
            {
                create.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        var from = -1;
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            Lock(connection, transaction);
            var current = ReadVersion(connection);
            if (from < 0)
            {
                from = current;
            }

            EnsureNotNewer(current, database);
            if (current == SchemaMigrations.LatestVersion)
            {
                transaction.Commit();
                return (from, current);
            }

            var next = SchemaMigrations.All[current];
            using (var apply = new NpgsqlCommand(next.Sql, connection, transaction))
            {
                apply.ExecuteNonQuery();
            }

            using (var record = new NpgsqlCommand("insert into servicessync_schema (version, name) values ($1, $2)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = next.Version });
                record.Parameters.Add(new NpgsqlParameter { Value = next.Name });
                record.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>A database migrated by a newer ServicesSync may hold data this build would misread or destroy.</summary>
    public static void EnsureNotNewer(int version, string database)
    {
        if (version > SchemaMigrations.LatestVersion)
        {
            throw new ServicesSyncException(
                $"The PostgreSQL database {database} has schema version {version}, newer than this ServicesSync knows ({SchemaMigrations.LatestVersion}); "
                + "it was migrated by a newer release. Run that release (or newer), or point --store at another database.",
                ErrorKind.Configuration);
        }
    }

    private static void Lock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand("select pg_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = LockKey });
        command.ExecuteNonQuery();
    }
}
