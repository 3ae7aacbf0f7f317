using ServicesSync.Host.Common;
using ServicesSync.Persistence;

namespace ServicesSync.Host.Tests.Cli;

/// <summary>Opens a data directory's store the way the CLI does, to check what a command wrote.</summary>
internal static class StoreInspection
{
    public static async Task<T> ReadAsync<T>(string dataDirectory, Func<IWorkflowStore, Task<T>> read)
    {
        await using var services = CliServices.WithStore(dataDirectory);
        return await read(services.Store);
    }
}
