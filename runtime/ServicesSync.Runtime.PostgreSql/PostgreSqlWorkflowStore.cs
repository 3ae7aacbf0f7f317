using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ServicesSync.Errors;
using ServicesSync.Persistence.PostgreSql.Notifications;
using ServicesSync.Persistence.PostgreSql.Schema;

namespace ServicesSync.Persistence.PostgreSql;

/// <summary>
/// The store on PostgreSQL, shared by every runtime node and the designer. Every write is one
/// transaction; the engine's group commit hands <see cref="CommitAsync"/> many runs' steps at
/// once, which go to the server as one batch and one commit, and with
/// <c>synchronous_commit=on</c> a call returns only when the server has flushed that commit to
/// its write-ahead log. Opening the store checks the server is reachable and brings the schema
/// up to date (or refuses a newer one), so a misconfigured database fails at start, by name.
/// </summary>
internal sealed partial class PostgreSqlWorkflowStore : IWorkflowStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _database;
    private readonly string _connectionString;
    private readonly bool _fsync;
    private readonly PublishedCache _published = new();
    private int _disposed;

    public PostgreSqlWorkflowStore(PostgreSqlStoreOptions options, TimeProvider timeProvider, ILogger<PostgreSqlWorkflowStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<PostgreSqlWorkflowStore>.Instance;
        var builder = StoreConnectionString.Parse(options.ConnectionString);
        _database = StoreConnectionString.Describe(builder);
        Configure(builder, options);
        _connectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            (_fsync, var schema) = Open(options);
            Log.Opened(_logger, _database, schema, _fsync);
        }
        catch
        {
            _dataSource.Dispose();
            throw;
        }
    }

    /// <summary>The database, as <c>host:port/database as user</c> (no password).</summary>
    public string Database => _database;

    public string DurabilityDescription
        => _fsync
            ? $"PostgreSQL {_database}: a returned commit is flushed to the server's write-ahead log (synchronous_commit=on, fsync=on), so it survives a crash of any runtime and of the database server."
            : $"PostgreSQL {_database}: fsync is OFF on this server, so a returned commit survives a crash of any runtime but not a power failure or operating-system crash of the database server.";

    public ValueTask DisposeAsync()
        => Interlocked.Exchange(ref _disposed, 1) == 1 ? ValueTask.CompletedTask : _dataSource.DisposeAsync();

    /// <summary>Opens a connection, applies pending migrations and reads whether the server fsyncs.</summary>
    private (bool Fsync, int Schema) Open(PostgreSqlStoreOptions options)
    {
        try
        {
            using var connection = _dataSource.OpenConnection();
            var schema = SchemaMigrator.ReadVersion(connection);
            SchemaMigrator.EnsureNotNewer(schema, _database);
            if (schema < SchemaMigrations.LatestVersion)
            {
                if (!options.MigrateOnOpen)
                {
                    throw new ServicesSyncException(
                        string.Create(CultureInfo.InvariantCulture, $"The PostgreSQL database {_database} has schema version {schema}; this ServicesSync needs {SchemaMigrations.LatestVersion}. Run 'servicessync db migrate --store …' first."),
                        ErrorKind.Configuration);
                }

                var (from, to) = SchemaMigrator.Migrate(connection, _database);
                if (from != to)
                {
                    Log.Migrated(_logger, _database, from, to);
                }

                schema = to;
            }

            using var fsync = new NpgsqlCommand("show fsync", connection);
            return ((string)fsync.ExecuteScalar()! == "on", schema);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw Unreachable(e);
        }
    }

    private static void Configure(NpgsqlConnectionStringBuilder builder, PostgreSqlStoreOptions options)
    {
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "servicessync";
        }

        // The store keeps no state in a session (its settings are in Options below), so a pooled
        // connection need not be reset on every return, and the few hot statements are prepared
        // once per connection: together they halve the server's CPU per run (docs/benchmarks.md).
        builder.NoResetOnClose = true;

        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 20;
        }

        // Server settings for every session of the pool: an acknowledged commit must be on disk,
        // whatever the server's default, and no statement may hold a connection for ever.
        var settings = string.Create(
            CultureInfo.InvariantCulture,
            $"-c synchronous_commit=on -c statement_timeout={(long)options.StatementTimeout.TotalMilliseconds}");
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? settings : builder.Options + " " + settings;
    }

    /// <summary>One transaction for the store's neighbours in this assembly (run leases), with the store's error translation.</summary>
    internal Task<T> ExecuteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
        => WriteAsync(work, cancellationToken);

    /// <summary>Runs <paramref name="read"/> on a pooled connection, outside a transaction.</summary>
    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await read(connection);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw Translate(e);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it or nothing.</summary>
    private async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw Translate(e);
        }
    }

    /// <summary>
    /// Sends the statements <paramref name="fill"/> adds as one batch outside an explicit
    /// transaction: the server runs a batch as one implicit transaction (a failing statement rolls
    /// back those before it and skips the rest), so the batch is all or nothing as in
    /// <see cref="WriteAsync{T}"/>, but its commit needs no round trip of its own.
    /// </summary>
    private async Task WriteBatchAsync(Action<NpgsqlBatch> fill, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection);
            fill(batch);
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw Translate(e);
        }
    }

    private Task<bool> WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> work, CancellationToken cancellationToken)
        => WriteAsync<bool>(
            async (connection, transaction) =>
            {
                await work(connection, transaction);
                return true;
            },
            cancellationToken);

    private ServicesSyncException Translate(Exception e)
        => e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                => new ConflictException($"The change was not applied: it duplicates an existing record ({unique.ConstraintName}).", unique),
            PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } canceled
                => new ServicesSyncException($"The PostgreSQL store {_database} cancelled a statement that ran longer than the statement timeout.", ErrorKind.Timeout, retryable: true, canceled),
            PostgresException { IsTransient: true } transient
                => new ServicesSyncException($"The PostgreSQL store {_database} is unavailable for now: {transient.MessageText}", ErrorKind.Transient, retryable: true, transient),
            PostgresException other
                => new ServicesSyncException($"The PostgreSQL store {_database} refused a statement: {other.MessageText} ({other.SqlState}).", ErrorKind.Internal, retryable: false, other),
            _ => new ServicesSyncException($"The PostgreSQL store {_database} cannot be reached: {e.Message}", ErrorKind.Transient, retryable: true, e),
        };

    private ServicesSyncException Unreachable(Exception e)
        => e is PostgresException { SqlState: not null } postgres && !postgres.IsTransient
            ? new ServicesSyncException($"The PostgreSQL store {_database} refused the connection: {postgres.MessageText} ({postgres.SqlState}).", ErrorKind.Configuration, retryable: false, e)
            : new ServicesSyncException($"The PostgreSQL store {_database} cannot be reached: {e.Message}", ErrorKind.Configuration, retryable: false, e);

    /// <summary>
    /// A connection outside the pool's rotation for LISTEN: it stays open as long as its owner
    /// listens (keepalives find a dead server), and a pooled one would carry the LISTEN to other callers.
    /// </summary>
    internal async Task<NpgsqlConnection> OpenListenerConnectionAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, KeepAlive = 10 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static int ClampTake(int take) => Math.Clamp(take, 0, InstanceQuery.MaxTake);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opened the PostgreSQL store {Database} (schema {Schema}, fsync {Fsync})")]
        public static partial void Opened(ILogger logger, string database, int schema, bool fsync);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Migrated the PostgreSQL store {Database} from schema {From} to {To}")]
        public static partial void Migrated(ILogger logger, string database, int from, int to);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Pruned {Count} finished instances that finished before {FinishedBefore}")]
        public static partial void Pruned(ILogger logger, int count, DateTimeOffset finishedBefore);
    }
}
