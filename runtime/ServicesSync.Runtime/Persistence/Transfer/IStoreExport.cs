namespace ServicesSync.Persistence.Transfer;

/// <summary>
/// Reads every record of a store, including what <see cref="IWorkflowStore"/> cannot list
/// (idempotency records, cross-references, watermarks, all firings, dispatched events, every
/// version of every workflow). Meant for a store at rest: a copy takes the source while no
/// server writes to it.
/// </summary>
public interface IStoreExport : IStoreInventory
{
    /// <summary>
    /// Every record, kind by kind, in batches of one kind and at most <paramref name="pageSize"/>
    /// records. Each batch is read when it is asked for, so a long journal is never in memory whole.
    /// </summary>
    IAsyncEnumerable<StoreBatch> ExportAsync(int pageSize, CancellationToken cancellationToken);
}
