using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Persistence;
using ServicesSync.Persistence.LiteDb;
using ServicesSync.Testing.Persistence;

namespace ServicesSync.Runtime.LiteDb.Tests;

public sealed class LiteDbStoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddLiteDbStore_EveryStoreInterface_ResolvesOneStoreOnTheDataDirectory()
    {
        var services = new ServiceCollection().AddLiteDbStore(_directory.Path);
        await using var provider = new SingletonProvider(services);

        var store = provider.GetRequiredService<IWorkflowStore>();

        Assert.IsType<LiteDbWorkflowStore>(store);
        Assert.Same(store, provider.GetRequiredService<IDefinitionStore>());
        Assert.Same(store, provider.GetRequiredService<IInstanceStore>());
        Assert.Same(store, provider.GetRequiredService<IDeadLetterStore>());
        Assert.Same(store, provider.GetRequiredService<IIdempotencyStore>());
        Assert.Same(store, provider.GetRequiredService<IApiKeyStore>());
        Assert.Same(store, provider.GetRequiredService<ILiteDbStoreMaintenance>());
        Assert.Equal(Path.Combine(_directory.Path, LiteDbStoreOptions.FileName), provider.GetRequiredService<ILiteDbStoreMaintenance>().DatabasePath);
    }

    [Fact]
    public void AddLiteDbStore_BlankDataDirectory_IsRejectedAtRegistration()
        => Assert.Throws<ArgumentException>(() => new ServiceCollection().AddLiteDbStore(" "));

    /// <summary>
    /// Just enough of a container for singleton factories (this project has no DI container
    /// package); like the real one it disposes every instance a factory returned.
    /// </summary>
    private sealed class SingletonProvider(IServiceCollection services) : IServiceProvider, IAsyncDisposable
    {
        private readonly Dictionary<Type, object> _instances = [];

        public object? GetService(Type serviceType)
        {
            if (_instances.TryGetValue(serviceType, out var existing))
            {
                return existing;
            }

            var descriptor = services.LastOrDefault(d => d.ServiceType == serviceType);
            var instance = descriptor?.ImplementationInstance ?? descriptor?.ImplementationFactory?.Invoke(this);
            if (instance is not null)
            {
                _instances[serviceType] = instance;
            }

            return instance;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var instance in _instances.Values.OfType<IAsyncDisposable>())
            {
                await instance.DisposeAsync();
            }
        }
    }
}
