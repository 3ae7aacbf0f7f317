using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServicesSync.Api;
using ServicesSync.Api.Security;

namespace ServicesSync.Host.Tests.Security;

public sealed class ApiKeyCacheTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeApiKeyStore store = new();
    private readonly ApiKeyCache cache;

    public ApiKeyCacheTests()
        => cache = new ApiKeyCache(time, Options.Create(new ServicesSyncApiOptions { ApiKeyCacheDuration = TimeSpan.FromSeconds(30) }));

    [Fact]
    public async Task FindAsync_ValidKey_AsksTheStoreOncePerCacheWindow()
    {
        var key = await AddKeyAsync();

        Assert.NotNull(await cache.FindAsync(key, store, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.NotNull(await cache.FindAsync(key, store, CancellationToken.None));
        Assert.Equal(1, store.Lookups);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull(await cache.FindAsync(key, store, CancellationToken.None));
        Assert.Equal(2, store.Lookups);
    }

    [Fact]
    public async Task FindAsync_RevokedKey_IsRefusedOnceTheCachedEntryExpires()
    {
        var key = await AddKeyAsync();
        var record = await cache.FindAsync(key, store, CancellationToken.None);
        await store.RevokeApiKeyAsync(record!.Id, time.GetUtcNow(), CancellationToken.None);

        var withinWindow = await cache.FindAsync(key, store, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));
        var afterWindow = await cache.FindAsync(key, store, CancellationToken.None);

        Assert.NotNull(withinWindow);
        Assert.Null(afterWindow);
    }

    [Fact]
    public async Task FindAsync_UnknownKey_IsNeverCached()
    {
        var key = ApiKeys.Generate();

        Assert.Null(await cache.FindAsync(key, store, CancellationToken.None));
        await store.AddApiKeyAsync(ApiKeys.CreateRecord(key, "late", [ApiScopes.Read], time.GetUtcNow()), CancellationToken.None);

        Assert.NotNull(await cache.FindAsync(key, store, CancellationToken.None));
        Assert.Equal(2, store.Lookups);
    }

    private async Task<string> AddKeyAsync()
    {
        var key = ApiKeys.Generate();
        await store.AddApiKeyAsync(ApiKeys.CreateRecord(key, "test", [ApiScopes.Read], time.GetUtcNow()), CancellationToken.None);
        return key;
    }
}
