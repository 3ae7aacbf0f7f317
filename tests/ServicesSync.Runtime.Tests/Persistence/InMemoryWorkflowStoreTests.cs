using ServicesSync.Persistence;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Testing.Persistence;

namespace ServicesSync.Runtime.Tests.Persistence;

public sealed class InMemoryWorkflowStoreTests : WorkflowStoreContractTests
{
    protected override IWorkflowStore CreateStore(TimeProvider timeProvider) => new InMemoryWorkflowStore(timeProvider);
}
