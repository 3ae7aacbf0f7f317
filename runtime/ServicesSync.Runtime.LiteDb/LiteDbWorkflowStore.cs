using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServicesSync.Errors;
using ServicesSync.Persistence.LiteDb.Storage;

namespace ServicesSync.Persistence.LiteDb;

/// <summary>
/// The embedded store: one LiteDB file under the data directory, owned by one process.
/// LiteDB binds a transaction to the calling thread, so every write takes the write gate and
/// then runs synchronously from BeginTrans to Commit with no await in between. Reads run
/// concurrently with writes (LiteDB isolates them); the maintenance lock only keeps them out
/// while the file is rebuilt or closed.
/// </summary>
internal sealed partial class LiteDbWorkflowStore : IWorkflowStore, ILiteDbStoreMaintenance, IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ReaderWriterLockSlim _maintenance = new(LockRecursionPolicy.NoRecursion);
    private readonly DataFile _file;
    private readonly LiteDatabase _db;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private int _disposeStarted;
    private bool _disposed;

    public LiteDbWorkflowStore(LiteDbStoreOptions options, TimeProvider timeProvider, ILogger<LiteDbWorkflowStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new ArgumentException("The LiteDB store needs a data directory.", nameof(options));
        }

        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<LiteDbWorkflowStore>.Instance;
        _file = DataFile.Open(options);
        _db = _file.Database;
        Log.Opened(_logger, _file.Path);
    }

    public string DatabasePath => _file.Path;

    public string DurabilityDescription
        => $"LiteDB file {_file.Path}: a returned commit is written to the file through the operating "
           + "system, so it survives a crash of this process; LiteDB does not flush to the disk itself "
           + "(no fsync), so the last commits can be lost on a power failure or operating-system crash.";

    public async Task<LiteDbCompactResult> CompactAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            _maintenance.EnterWriteLock();
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _db.Checkpoint();
                var before = new FileInfo(_file.Path).Length;
                _file.Rebuild();
                var after = new FileInfo(_file.Path).Length;
                Log.Compacted(_logger, _file.Path, before, after);
                return new LiteDbCompactResult(before, after);
            }
            finally
            {
                _maintenance.ExitWriteLock();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Safe to call more than once: the container disposes every interface registration. The
    /// gates themselves stay usable so late callers get an <see cref="ObjectDisposedException"/>
    /// instead of waiting forever.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 1)
        {
            return;
        }

        _writeGate.Wait();
        try
        {
            _maintenance.EnterWriteLock();
            try
            {
                _disposed = true;
                _file.Dispose();
            }
            finally
            {
                _maintenance.ExitWriteLock();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one LiteDB transaction: all of it or nothing.</summary>
    private async Task<T> WriteAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            // From here to Commit everything stays on this thread: no await.
            _maintenance.EnterReadLock();
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (!_db.BeginTrans())
                {
                    throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
                }

                T result;
                try
                {
                    result = work();
                }
                catch
                {
                    _db.Rollback();
                    throw;
                }

                _db.Commit();
                return result;
            }
            catch (LiteException e)
            {
                throw Translate(e);
            }
            finally
            {
                _maintenance.ExitReadLock();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private Task<bool> WriteAsync(Action work, CancellationToken cancellationToken)
        => WriteAsync(
            () =>
            {
                work();
                return true;
            },
            cancellationToken);

    private Task<T> ReadAsync<T>(Func<T> read)
    {
        _maintenance.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Task.FromResult(read());
        }
        catch (LiteException e)
        {
            throw Translate(e);
        }
        finally
        {
            _maintenance.ExitReadLock();
        }
    }

    private ServicesSyncException Translate(LiteException e)
        => e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY
            ? new ConflictException($"The change was not applied: it duplicates an existing record ({e.Message}).", e)
            : new ServicesSyncException($"The data file {_file.Path} failed: {e.Message}", ErrorKind.Internal, retryable: false, e);

    private ILiteCollection<BsonDocument> Collection(string name) => _db.GetCollection(name);

    private static int ClampTake(int take) => Math.Clamp(take, 0, InstanceQuery.MaxTake);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opened the LiteDB store {DatabasePath}")]
        public static partial void Opened(ILogger logger, string databasePath);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Compacted {DatabasePath} from {SizeBefore} to {SizeAfter} bytes")]
        public static partial void Compacted(ILogger logger, string databasePath, long sizeBefore, long sizeAfter);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Pruned {Count} finished instances that finished before {FinishedBefore}")]
        public static partial void Pruned(ILogger logger, int count, DateTimeOffset finishedBefore);
    }
}
