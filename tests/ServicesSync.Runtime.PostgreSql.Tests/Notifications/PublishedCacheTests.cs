using ServicesSync.Definitions;
using ServicesSync.Persistence;
using ServicesSync.Persistence.PostgreSql.Notifications;

namespace ServicesSync.Runtime.PostgreSql.Tests.Notifications;

public sealed class PublishedCacheTests
{
    private static readonly PublishedWorkflow V1 = Published(1);

    [Fact]
    public void Add_WhileNotListening_KeepsNothing()
    {
        var cache = new PublishedCache();

        cache.Add("w", V1, cache.Generation);

        Assert.False(cache.TryGet("w", out _));
    }

    [Fact]
    public void Add_WhileListening_IsReturnedUntilAChangeIsHeard()
    {
        var cache = new PublishedCache();
        cache.SetListening(true);

        cache.Add("w", V1, cache.Generation);
        Assert.True(cache.TryGet("w", out var kept));
        Assert.Same(V1, kept);

        cache.Invalidate();
        Assert.False(cache.TryGet("w", out _));
    }

    [Fact]
    public void Add_OfAReadThatBeganBeforeAChange_IsDropped()
    {
        // The read may have seen the version before the publish it overlapped.
        var cache = new PublishedCache();
        cache.SetListening(true);
        var readBegan = cache.Generation;

        cache.Invalidate();
        cache.Add("w", V1, readBegan);

        Assert.False(cache.TryGet("w", out _));
    }

    [Fact]
    public void SetListeningFalse_EmptiesTheCacheAndKeepsNothingAfter()
    {
        var cache = new PublishedCache();
        cache.SetListening(true);
        cache.Add("w", V1, cache.Generation);

        cache.SetListening(false);
        cache.Add("w", V1, cache.Generation);

        Assert.False(cache.TryGet("w", out _));
    }

    private static PublishedWorkflow Published(int version)
        => new(new WorkflowDefinition { Id = "w", Name = "w", Version = version, Activities = [], Connections = [] }, DateTimeOffset.UnixEpoch, null);
}
