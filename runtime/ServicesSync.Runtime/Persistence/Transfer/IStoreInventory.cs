namespace ServicesSync.Persistence.Transfer;

/// <summary>Counts what a store holds, per kind: how a copy proves nothing was lost.</summary>
public interface IStoreInventory
{
    Task<StoreCounts> CountAsync(CancellationToken cancellationToken);
}
