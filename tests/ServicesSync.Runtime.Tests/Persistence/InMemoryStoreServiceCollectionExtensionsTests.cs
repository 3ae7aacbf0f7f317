using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServicesSync.Persistence;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Testing.Persistence;

namespace ServicesSync.Runtime.Tests.Persistence;

public sealed class InMemoryStoreServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddInMemoryStore_EveryStoreInterface_ResolvesTheSameInstance()
    {
        await using var provider = new ServiceCollection().AddInMemoryStore().BuildServiceProvider();

        var store = provider.GetRequiredService<IWorkflowStore>();

        Assert.IsType<InMemoryWorkflowStore>(store);
        Assert.Same(store, provider.GetRequiredService<IDefinitionStore>());
        Assert.Same(store, provider.GetRequiredService<IInstanceStore>());
        Assert.Same(store, provider.GetRequiredService<IDeadLetterStore>());
        Assert.Same(store, provider.GetRequiredService<IIdempotencyStore>());
        Assert.Same(store, provider.GetRequiredService<IApiKeyStore>());
    }

    [Fact]
    public async Task AddInMemoryStore_TimeProviderAlreadyRegistered_UsesIt()
    {
        var time = new FakeTimeProvider(StoreMother.Epoch);
        await using var provider = new ServiceCollection().AddSingleton<TimeProvider>(time).AddInMemoryStore().BuildServiceProvider();

        var draft = await provider.GetRequiredService<IDefinitionStore>().SaveDraftAsync(StoreMother.Definition(), null, CancellationToken.None);

        Assert.Equal(StoreMother.Epoch, draft.UpdatedAt);
    }
}
