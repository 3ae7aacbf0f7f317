namespace ServicesSync.Persistence.Transfer;

/// <summary>Moves every record of one store into another, page by page, and compares the counts after.</summary>
public static class StoreCopy
{
    public const int DefaultPageSize = 500;

    /// <summary>
    /// Copies everything <paramref name="source"/> holds into <paramref name="target"/>, one
    /// transaction per page, then counts both. <paramref name="copied"/> hears each written
    /// batch, so a failure half-way can say how far the copy got.
    /// </summary>
    public static async Task<StoreCopyResult> CopyAsync(
        IStoreExport source, IStoreImport target, int pageSize, Func<StoreBatch, CancellationToken, Task>? copied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await foreach (var batch in source.ExportAsync(pageSize, cancellationToken))
        {
            await target.ImportAsync(batch, cancellationToken);
            if (copied is not null)
            {
                await copied(batch, cancellationToken);
            }
        }

        return new StoreCopyResult(await source.CountAsync(cancellationToken), await target.CountAsync(cancellationToken));
    }
}

/// <summary>The counts of both stores after a copy.</summary>
public sealed record StoreCopyResult(StoreCounts Source, StoreCounts Target)
{
    /// <summary>Kinds whose counts differ: empty when nothing was lost.</summary>
    public IReadOnlyList<StoreRecordKind> Mismatched
        => [.. Enum.GetValues<StoreRecordKind>().Where(kind => Source[kind] != Target[kind])];
}
