using ServicesSync.Composition.Storage;

namespace ServicesSync.Host.Common;

/// <summary>What a command was told about its store: <c>--data</c> and <c>--store</c>.</summary>
internal sealed record StoreArguments(string? Data, string? Store = null)
{
    /// <summary>For commands that write: a LiteDB data directory is created when missing.</summary>
    public StoreChoice ForWriting()
    {
        var directory = DataDirectory.Resolve(Data);
        var connectionString = StoreChoice.ResolveConnectionString(Store);
        if (connectionString is null)
        {
            DataDirectory.Create(directory);
        }

        return new StoreChoice(directory, connectionString);
    }

    /// <summary>For commands that only read: a missing LiteDB data directory is a typo, not an empty store.</summary>
    public StoreChoice ForReading()
    {
        var connectionString = StoreChoice.ResolveConnectionString(Store);
        return new StoreChoice(connectionString is null ? DataDirectory.RequireExisting(Data) : DataDirectory.Resolve(Data), connectionString);
    }
}
