namespace ServicesSync.Persistence.LiteDb;

/// <summary>Operator tasks on the embedded data file (registered beside the store).</summary>
public interface ILiteDbStoreMaintenance
{
    /// <summary>The full path of the data file.</summary>
    string DatabasePath { get; }

    /// <summary>
    /// Rewrites the data file without its free pages. Deleting documents (pruning) only marks
    /// pages free for reuse, so the file never shrinks by itself. Blocks every other store call
    /// while it runs; meant for a quiet moment, not for a schedule.
    /// </summary>
    Task<LiteDbCompactResult> CompactAsync(CancellationToken cancellationToken);
}

/// <summary>File sizes around a compaction, in bytes.</summary>
public sealed record LiteDbCompactResult(long SizeBefore, long SizeAfter);
