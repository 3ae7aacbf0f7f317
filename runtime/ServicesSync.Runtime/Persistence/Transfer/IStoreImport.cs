namespace ServicesSync.Persistence.Transfer;

/// <summary>
/// Writes records exactly as another store held them: no version numbers, times, ETags or ids
/// are assigned, and secrets stay as the ciphertext they arrive as.
/// </summary>
public interface IStoreImport : IStoreInventory
{
    /// <summary>
    /// Writes one batch in one transaction: all of it or none. A record whose key the store already
    /// holds is a <see cref="Errors.ConflictException"/> and nothing of the batch is written.
    /// </summary>
    Task ImportAsync(StoreBatch batch, CancellationToken cancellationToken);
}
