using Microsoft.Extensions.DependencyInjection;

namespace ServicesSync.Persistence.LiteDb;

public static class LiteDbStoreServiceCollectionExtensions
{
    /// <summary>Registers the LiteDB store: one file, <c>servicessync.db</c>, under <paramref name="dataDirectory"/>.</summary>
    public static IServiceCollection AddLiteDbStore(this IServiceCollection services, string dataDirectory)
        => throw new NotImplementedException("Implemented by the store work.");
}
