using ServicesSync.Persistence;
using ServicesSync.Persistence.LiteDb;
using ServicesSync.Testing.Persistence;

namespace ServicesSync.Runtime.LiteDb.Tests;

/// <summary>The shared store contract against a real file, one temp directory per test.</summary>
public sealed class LiteDbWorkflowStoreTests : WorkflowStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    // xunit disposes after DisposeAsync has closed the store, so the file is free to delete.
    public void Dispose() => _directory.Dispose();

    protected override IWorkflowStore CreateStore(TimeProvider timeProvider)
        => new LiteDbWorkflowStore(new LiteDbStoreOptions { DataDirectory = _directory.Path }, timeProvider);

    protected override IWorkflowStore CreateStoreForDisposal()
        => new LiteDbWorkflowStore(new LiteDbStoreOptions { DataDirectory = _directory.Combine("disposal") }, Time);
}
