using Microsoft.Extensions.Time.Testing;
using ServicesSync.Persistence;

namespace ServicesSync.Testing.Persistence;

/// <summary>
/// The behaviour every <see cref="IWorkflowStore"/> must share. A store's test class derives
/// from this and only says how to create the store; each test gets a fresh, empty one.
/// </summary>
public abstract partial class WorkflowStoreContractTests : IAsyncLifetime
{
    private IWorkflowStore? _store;

    protected FakeTimeProvider Time { get; } = new(StoreMother.Epoch);

    protected IWorkflowStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected static CancellationToken Ct => CancellationToken.None;

    public virtual Task InitializeAsync()
    {
        _store = CreateStore(Time);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>A new, empty store reading time from <paramref name="timeProvider"/>.</summary>
    protected abstract IWorkflowStore CreateStore(TimeProvider timeProvider);

    [Fact]
    public void DurabilityDescription_IsStated()
        => Assert.False(string.IsNullOrWhiteSpace(Store.DurabilityDescription));

    [Fact]
    public async Task DisposeAsync_Twice_DoesNotThrow()
    {
        var store = CreateStoreForDisposal();
        await store.DisposeAsync();
        await store.DisposeAsync();
    }

    /// <summary>A second store for disposal tests; stores bound to a file override it.</summary>
    protected virtual IWorkflowStore CreateStoreForDisposal() => CreateStore(Time);
}
