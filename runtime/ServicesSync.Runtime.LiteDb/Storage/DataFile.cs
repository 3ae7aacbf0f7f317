using System.Text;
using LiteDB;
using LiteDB.Engine;
using ServicesSync.Errors;

namespace ServicesSync.Persistence.LiteDb.Storage;

/// <summary>
/// Opens the data file for exactly one process. LiteDB's direct mode opens its file with
/// <see cref="FileShare.Read"/>, which on Linux and macOS is only a shared advisory lock, so two
/// processes could both open it and corrupt it; an exclusive lock file beside it closes that gap
/// on every platform.
/// </summary>
internal sealed class DataFile : IDisposable
{
    public const string LockFileName = "servicessync.lock";

    // LiteDB 5 writes this marker at a fixed offset of its header page; a file without it is not
    // a LiteDB 5 database and LiteDB would silently overwrite it when it is small.
    private const int HeaderMarkerOffset = 32;
    private static readonly byte[] HeaderMarker = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    private readonly FileStream _lock;

    private DataFile(string path, FileStream lockStream, LiteDatabase database)
    {
        Path = path;
        _lock = lockStream;
        Database = database;
    }

    public string Path { get; }

    public LiteDatabase Database { get; }

    /// <summary>Strings compare ordinally: ids, keys and hashes are case-sensitive data.</summary>
    public static Collation Collation => Collation.Binary;

    public static DataFile Open(LiteDbStoreOptions options)
    {
        var directory = System.IO.Path.GetFullPath(options.DataDirectory);
        var path = System.IO.Path.Combine(directory, LiteDbStoreOptions.FileName);
        try
        {
            OwnerOnlyFiles.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServicesSyncException($"Cannot create the data directory {directory}: {e.Message}", ErrorKind.Configuration, false, e);
        }

        var lockStream = AcquireLock(directory);
        try
        {
            EnsureLiteDbFile(path);
            var database = new LiteDatabase(new ConnectionString
            {
                Filename = path,
                Connection = ConnectionType.Direct,
                Collation = Collation,
            });
            try
            {
                Collections.EnsureIndexes(database);
                OwnerOnlyFiles.Restrict(path);
            }
            catch
            {
                database.Dispose();
                throw;
            }

            return new DataFile(path, lockStream, database);
        }
        catch (Exception e) when (e is not ServicesSyncException)
        {
            lockStream.Dispose();
            throw new ServicesSyncException($"Cannot open the data file {path}: {e.Message}", ErrorKind.Configuration, false, e);
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    /// <summary>Rewrites the file without free pages; returns the bytes saved.</summary>
    public long Rebuild()
    {
        // LiteDB keeps the old file as "-backup"; leaving it would keep the space compaction
        // freed, and a stale one would make LiteDB pick another name.
        var backup = System.IO.Path.ChangeExtension(Path, null) + "-backup" + System.IO.Path.GetExtension(Path);
        File.Delete(backup);
        var saved = Database.Rebuild(new RebuildOptions { Collation = Collation });
        File.Delete(backup);
        return saved;
    }

    public void Dispose()
    {
        Database.Dispose();

        // The lock file stays: deleting it could let a process that opened it a moment ago lock
        // an orphaned inode while a third one locks a new file.
        _lock.Dispose();
    }

    private static FileStream AcquireLock(string directory)
    {
        var lockPath = System.IO.Path.Combine(directory, LockFileName);
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsLockConflict(e))
        {
            throw new ServicesSyncException($"The data directory {directory} is in use by another servicessync process.", ErrorKind.Configuration, false, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServicesSyncException($"Cannot lock the data directory {directory} ({lockPath}): {e.Message}", ErrorKind.Configuration, false, e);
        }
    }

    private static bool IsLockConflict(IOException e)
        => e.HResult switch
        {
            11 or 35 => true, // EWOULDBLOCK from flock on Linux / macOS
            _ => (e.HResult & 0xFFFF) is 32 or 33, // sharing or lock violation on Windows
        };

    private static void EnsureLiteDbFile(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return;
        }

        var header = new byte[HeaderMarkerOffset + HeaderMarker.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read < header.Length || !header.AsSpan(HeaderMarkerOffset).SequenceEqual(HeaderMarker))
        {
            throw new ServicesSyncException(
                $"The data file {path} is not a ServicesSync data file (not a LiteDB 5 database, encrypted or damaged). Move it away or choose another data directory.",
                ErrorKind.Configuration,
                retryable: false);
        }
    }
}
