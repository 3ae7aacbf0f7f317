using ServicesSync.Persistence;
using ServicesSync.Persistence.PostgreSql;
using ServicesSync.Testing.Persistence;
using ServicesSync.Testing.RealSystems;

namespace ServicesSync.Runtime.PostgreSql.Tests;

/// <summary>The shared store contract against a real PostgreSQL, one empty schema per test.</summary>
public sealed class PostgreSqlWorkflowStoreTests : WorkflowStoreContractTests
{
    private string _connectionString = "";

    public override async Task InitializeAsync()
    {
        _connectionString = await PostgreSqlServer.CreateScratchAsync("contract");
        await base.InitializeAsync();
    }

    protected override IWorkflowStore CreateStore(TimeProvider timeProvider)
        => new PostgreSqlWorkflowStore(new PostgreSqlStoreOptions { ConnectionString = _connectionString }, timeProvider);
}
