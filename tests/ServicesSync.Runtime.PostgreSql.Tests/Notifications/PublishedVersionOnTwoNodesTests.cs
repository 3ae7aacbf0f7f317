using ServicesSync.Runtime.PostgreSql.Tests.Execution;
using ServicesSync.Testing.RealSystems;
using ServicesSync.Testing.Waiting;

namespace ServicesSync.Runtime.PostgreSql.Tests.Notifications;

/// <summary>The newest published version a node keeps, against publishes and deletes made on another node.</summary>
public sealed class PublishedVersionOnTwoNodesTests : IAsyncLifetime
{
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await PostgreSqlServer.CreateScratchAsync("published");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetPublishedAsync_ListeningNode_KeepsTheVersionUntilAnotherNodePublishes()
    {
        await using var node = new PostgreSqlRuntimeHarness(connectionString, "node-a");
        await using var designer = new PostgreSqlRuntimeHarness(connectionString, "designer");
        await node.StartListeningAsync();
        await designer.Store.PublishAsync(PostgreSqlRuntimeHarness.Gated("w"), "test", CancellationToken.None);

        // A read that overlaps the notification of the publish it saw is not kept: read until one is.
        await UntilAsync(async () =>
        {
            Assert.Equal(1, (await node.Store.GetPublishedAsync("w", null, CancellationToken.None))!.Version);
            return node.PostgreSql.Published.TryGet("w", out _);
        });

        await designer.Store.PublishAsync(PostgreSqlRuntimeHarness.Gated("w"), "test", CancellationToken.None);

        // Within a notification's round trip the node forgets version 1 and reads version 2.
        await UntilAsync(() => Task.FromResult(!node.PostgreSql.Published.TryGet("w", out _)));
        Assert.Equal(2, (await node.Store.GetPublishedAsync("w", null, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task StartAsync_AfterAnotherNodeDeletedTheWorkflow_IsRefusedOnceTheNotificationArrives()
    {
        await using var node = new PostgreSqlRuntimeHarness(connectionString, "node-a");
        await using var designer = new PostgreSqlRuntimeHarness(connectionString, "designer");
        await node.StartListeningAsync();
        await designer.Store.PublishAsync(PostgreSqlRuntimeHarness.Gated("w"), "test", CancellationToken.None);
        await UntilAsync(async () =>
        {
            await node.Store.GetPublishedAsync("w", null, CancellationToken.None);
            return node.PostgreSql.Published.TryGet("w", out _);
        });

        await designer.Store.DeleteAsync("w", null, CancellationToken.None);

        await UntilAsync(() => Task.FromResult(!node.PostgreSql.Published.TryGet("w", out _)));
        await Assert.ThrowsAsync<Errors.NotFoundException>(() => node.StartAsync("w"));
    }

    [Fact]
    public async Task GetPublishedAsync_NodeNotListening_ReadsTheServerEveryTime()
    {
        await using var node = new PostgreSqlRuntimeHarness(connectionString, "node-a");
        await using var designer = new PostgreSqlRuntimeHarness(connectionString, "designer");
        await designer.Store.PublishAsync(PostgreSqlRuntimeHarness.Gated("w"), "test", CancellationToken.None);
        await node.Store.GetPublishedAsync("w", null, CancellationToken.None);

        await designer.Store.PublishAsync(PostgreSqlRuntimeHarness.Gated("w"), "test", CancellationToken.None);

        Assert.Equal(2, (await node.Store.GetPublishedAsync("w", null, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task PublishAsync_ThroughTheNodesOwnStore_IsSeenByItsNextStartWithoutWaitingForTheNotification()
    {
        await using var node = new PostgreSqlRuntimeHarness(connectionString, "node-a");
        await node.StartListeningAsync();
        await node.Store.PublishAsync(PostgreSqlRuntimeHarness.Gated("w"), "test", CancellationToken.None);
        await node.Store.GetPublishedAsync("w", null, CancellationToken.None);

        await node.Store.PublishAsync(PostgreSqlRuntimeHarness.Gated("w"), "test", CancellationToken.None);

        Assert.Equal(2, (await node.Store.GetPublishedAsync("w", null, CancellationToken.None))!.Version);
    }

    private static Task UntilAsync(Func<Task<bool>> condition)
        => Poll.UntilAsync(condition, PostgreSqlRuntimeHarness.WaitLimit, "the condition to hold");
}
