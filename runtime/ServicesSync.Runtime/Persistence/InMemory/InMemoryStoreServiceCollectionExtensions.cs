using Microsoft.Extensions.DependencyInjection;

namespace ServicesSync.Persistence.InMemory;

public static class InMemoryStoreServiceCollectionExtensions
{
    /// <summary>Registers a throw-away in-process store (tests, benchmarks, <c>servicessync run</c> without <c>--data</c>).</summary>
    public static IServiceCollection AddInMemoryStore(this IServiceCollection services)
        => throw new NotImplementedException("Implemented by the store work.");
}
