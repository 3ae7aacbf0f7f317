using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Testing.Persistence;

public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task GetDraftAsync_UnknownWorkflow_ReturnsNull()
        => Assert.Null(await Store.GetDraftAsync("missing", Ct));

    [Fact]
    public async Task SaveDraftAsync_NewWorkflow_StoresDefinitionAsVersionZeroWithETagAndTime()
    {
        var definition = StoreMother.Definition() with { Version = 4 };

        var saved = await Store.SaveDraftAsync(definition, expectedETag: null, Ct);
        var loaded = await Store.GetDraftAsync(definition.Id, Ct);

        Assert.NotNull(loaded);
        StoreAssert.Equivalent(definition with { Version = 0 }, loaded.Definition);
        Assert.False(string.IsNullOrWhiteSpace(saved.ETag));
        Assert.Equal(saved.ETag, loaded.ETag);
        Assert.Equal(Time.GetUtcNow(), loaded.UpdatedAt);
        Assert.Equal(Time.GetUtcNow(), saved.UpdatedAt);
    }

    [Fact]
    public async Task SaveDraftAsync_EverySave_GetsANewETag()
    {
        var first = await Store.SaveDraftAsync(StoreMother.Definition(), null, Ct);
        var second = await Store.SaveDraftAsync(StoreMother.Definition(), first.ETag, Ct);
        var third = await Store.SaveDraftAsync(StoreMother.Definition(), null, Ct);

        Assert.Equal(3, new[] { first.ETag, second.ETag, third.ETag }.Distinct().Count());
    }

    [Fact]
    public async Task SaveDraftAsync_MatchingETag_ReplacesDraft()
    {
        var first = await Store.SaveDraftAsync(StoreMother.Definition(), null, Ct);
        Time.Advance(TimeSpan.FromMinutes(3));

        var second = await Store.SaveDraftAsync(StoreMother.Definition(name: "Renamed"), first.ETag, Ct);

        var loaded = await Store.GetDraftAsync(StoreMother.Definition().Id, Ct);
        Assert.Equal("Renamed", loaded!.Definition.Name);
        Assert.Equal(second.ETag, loaded.ETag);
        Assert.Equal(Time.GetUtcNow(), loaded.UpdatedAt);
    }

    [Fact]
    public async Task SaveDraftAsync_StaleETag_ThrowsConflictAndLeavesStoredDraftUnchanged()
    {
        var first = await Store.SaveDraftAsync(StoreMother.Definition(), null, Ct);
        var second = await Store.SaveDraftAsync(StoreMother.Definition(name: "Saved by Ann"), first.ETag, Ct);

        var error = await Assert.ThrowsAsync<ConflictException>(
            () => Store.SaveDraftAsync(StoreMother.Definition(name: "Saved by Bob"), first.ETag, Ct));

        Assert.Contains("changed by someone else", error.Message, StringComparison.Ordinal);
        var loaded = await Store.GetDraftAsync(StoreMother.Definition().Id, Ct);
        Assert.Equal("Saved by Ann", loaded!.Definition.Name);
        Assert.Equal(second.ETag, loaded.ETag);
    }

    [Fact]
    public async Task SaveDraftAsync_ETagOfADraftThatNoLongerExists_ThrowsConflict()
    {
        var saved = await Store.SaveDraftAsync(StoreMother.Definition(), null, Ct);
        await Store.DeleteAsync(saved.Definition.Id, null, Ct);

        await Assert.ThrowsAsync<ConflictException>(() => Store.SaveDraftAsync(StoreMother.Definition(), saved.ETag, Ct));

        Assert.Null(await Store.GetDraftAsync(saved.Definition.Id, Ct));
    }

    [Fact]
    public async Task SaveDraftAsync_WithoutETag_OverwritesUnconditionally()
    {
        await Store.SaveDraftAsync(StoreMother.Definition(), null, Ct);

        await Store.SaveDraftAsync(StoreMother.Definition(name: "Imported"), null, Ct);

        Assert.Equal("Imported", (await Store.GetDraftAsync(StoreMother.Definition().Id, Ct))!.Definition.Name);
    }

    [Fact]
    public async Task SaveDraftAsync_IdsDifferingOnlyInCase_AreDifferentWorkflows()
    {
        await Store.SaveDraftAsync(StoreMother.Definition("payroll", "lower"), null, Ct);
        await Store.SaveDraftAsync(StoreMother.Definition("Payroll", "upper"), null, Ct);

        Assert.Equal("lower", (await Store.GetDraftAsync("payroll", Ct))!.Definition.Name);
        Assert.Equal("upper", (await Store.GetDraftAsync("Payroll", Ct))!.Definition.Name);
    }

    [Fact]
    public async Task SaveDraftAsync_CallerChangesDefinitionAfterwards_StoredDraftUnaffected()
    {
        var definition = StoreMother.Definition();
        await Store.SaveDraftAsync(definition, null, Ct);

        definition.Variables["rateCardId"] = "changed-in-memory";

        var loaded = await Store.GetDraftAsync(definition.Id, Ct);
        Assert.Equal("standard-2026", (string?)loaded!.Definition.Variables["rateCardId"]);
    }

    [Fact]
    public async Task DeleteAsync_UnknownWorkflow_ReturnsFalse()
        => Assert.False(await Store.DeleteAsync("missing", null, Ct));

    [Fact]
    public async Task DeleteAsync_StaleETag_ThrowsConflictAndKeepsEverything()
    {
        var first = await Store.SaveDraftAsync(StoreMother.Definition(), null, Ct);
        await Store.SaveDraftAsync(StoreMother.Definition(name: "Newer"), first.ETag, Ct);
        await Store.PublishAsync(StoreMother.Definition(), "ann", Ct);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Store.DeleteAsync(first.Definition.Id, first.ETag, Ct));

        Assert.Contains("changed by someone else", error.Message, StringComparison.Ordinal);
        Assert.Equal("Newer", (await Store.GetDraftAsync(first.Definition.Id, Ct))!.Definition.Name);
        Assert.Equal(1, (await Store.GetPublishedAsync(first.Definition.Id, null, Ct))!.Version);
    }

    [Fact]
    public async Task DeleteAsync_MatchingETag_DeletesDraftAndRetiresVersions()
    {
        var id = StoreMother.Definition().Id;
        var draft = await Store.SaveDraftAsync(StoreMother.Definition(), null, Ct);
        await Store.PublishAsync(StoreMother.Definition(), null, Ct);
        await Store.PublishAsync(StoreMother.Definition(), null, Ct);

        Assert.True(await Store.DeleteAsync(id, draft.ETag, Ct));

        Assert.Null(await Store.GetDraftAsync(id, Ct));
        Assert.Null(await Store.GetPublishedAsync(id, null, Ct));
        var retired = await Store.GetPublishedAsync(id, 2, Ct);
        Assert.NotNull(retired);
        Assert.True(retired.Retired);
        Assert.All(await Store.ListVersionsAsync(id, Ct), v => Assert.True(v.Retired));
        Assert.Empty(await Store.ListActiveAsync(Ct));
        Assert.Empty(await Store.ListAsync(Ct));
        Assert.False(await Store.DeleteAsync(id, null, Ct));
    }

    [Fact]
    public async Task DeleteAsync_PublishedWorkflowWithoutDraft_RetiresIt()
    {
        await Store.PublishAsync(StoreMother.Definition(), null, Ct);

        Assert.True(await Store.DeleteAsync(StoreMother.Definition().Id, null, Ct));

        Assert.Null(await Store.GetPublishedAsync(StoreMother.Definition().Id, null, Ct));
    }

    [Fact]
    public async Task PublishAsync_FirstVersion_IsOneWhateverTheDefinitionSays()
    {
        var published = await Store.PublishAsync(StoreMother.Definition() with { Version = 42 }, "ann@example.com", Ct);

        Assert.Equal(1, published.Version);
        Assert.Equal(1, published.Definition.Version);
        Assert.Equal("ann@example.com", published.PublishedBy);
        Assert.Equal(Time.GetUtcNow(), published.PublishedAt);
        Assert.False(published.Retired);
        var loaded = await Store.GetPublishedAsync(published.Id, 1, Ct);
        StoreAssert.Equivalent(StoreMother.Definition() with { Version = 1 }, loaded!.Definition);
        Assert.Equal(published.PublishedAt, loaded.PublishedAt);
        Assert.Equal("ann@example.com", loaded.PublishedBy);
    }

    [Fact]
    public async Task PublishAsync_Again_AssignsTheNextVersionAndKeepsEarlierOnesUnchanged()
    {
        await Store.PublishAsync(StoreMother.Definition(name: "First"), null, Ct);
        Time.Advance(TimeSpan.FromHours(1));
        var second = await Store.PublishAsync(StoreMother.Definition(name: "Second"), "bob", Ct);

        Assert.Equal(2, second.Version);
        var versions = await Store.ListVersionsAsync(second.Id, Ct);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal(["Second", "First"], versions.Select(v => v.Definition.Name));
        Assert.Equal("First", (await Store.GetPublishedAsync(second.Id, 1, Ct))!.Definition.Name);
    }

    [Fact]
    public async Task PublishAsync_CallerChangesDefinitionAfterwards_PublishedVersionUnaffected()
    {
        var definition = StoreMother.Definition();
        await Store.PublishAsync(definition, null, Ct);

        definition.Variables["rateCardId"] = "changed-in-memory";
        (await Store.GetPublishedAsync(definition.Id, 1, Ct))!.Definition.Variables["rateCardId"] = "changed-by-a-reader";

        var loaded = await Store.GetPublishedAsync(definition.Id, 1, Ct);
        Assert.Equal("standard-2026", (string?)loaded!.Definition.Variables["rateCardId"]);
    }

    [Fact]
    public async Task PublishAsync_DoesNotTouchTheDraft()
    {
        var draft = await Store.SaveDraftAsync(StoreMother.Definition(name: "Draft"), null, Ct);

        await Store.PublishAsync(StoreMother.Definition(name: "Published"), null, Ct);

        var loaded = await Store.GetDraftAsync(draft.Definition.Id, Ct);
        Assert.Equal("Draft", loaded!.Definition.Name);
        Assert.Equal(draft.ETag, loaded.ETag);
    }

    [Fact]
    public async Task PublishAsync_AfterDeleteAndRecreate_ContinuesNumbering()
    {
        var id = StoreMother.Definition().Id;
        await Store.PublishAsync(StoreMother.Definition(), null, Ct);
        await Store.PublishAsync(StoreMother.Definition(), null, Ct);
        await Store.DeleteAsync(id, null, Ct);
        await Store.SaveDraftAsync(StoreMother.Definition(name: "Recreated"), null, Ct);

        var published = await Store.PublishAsync(StoreMother.Definition(name: "Recreated"), null, Ct);

        Assert.Equal(3, published.Version);
        Assert.Equal(3, (await Store.GetPublishedAsync(id, null, Ct))!.Version);
        Assert.Equal([false, true, true], (await Store.ListVersionsAsync(id, Ct)).Select(v => v.Retired));
        Assert.Equal([3], (await Store.ListActiveAsync(Ct)).Select(v => v.Version));
    }

    [Fact]
    public async Task GetPublishedAsync_WithoutVersion_ReturnsNewest()
    {
        await Store.PublishAsync(StoreMother.Definition(name: "v1"), null, Ct);
        await Store.PublishAsync(StoreMother.Definition(name: "v2"), null, Ct);

        var newest = await Store.GetPublishedAsync(StoreMother.Definition().Id, null, Ct);

        Assert.Equal(2, newest!.Version);
        Assert.Equal("v2", newest.Definition.Name);
    }

    [Fact]
    public async Task GetPublishedAsync_UnknownWorkflowOrVersion_ReturnsNull()
    {
        await Store.PublishAsync(StoreMother.Definition(), null, Ct);

        Assert.Null(await Store.GetPublishedAsync("missing", null, Ct));
        Assert.Null(await Store.GetPublishedAsync("missing", 1, Ct));
        Assert.Null(await Store.GetPublishedAsync(StoreMother.Definition().Id, 2, Ct));
    }

    [Fact]
    public async Task ListVersionsAsync_UnknownWorkflow_IsEmpty()
        => Assert.Empty(await Store.ListVersionsAsync("missing", Ct));

    [Fact]
    public async Task ListActiveAsync_ReturnsNewestVersionOfEveryWorkflowThatIsNotRetired()
    {
        await Store.PublishAsync(StoreMother.Definition("a"), null, Ct);
        await Store.PublishAsync(StoreMother.Definition("a"), null, Ct);
        await Store.PublishAsync(StoreMother.Definition("b"), null, Ct);
        await Store.PublishAsync(StoreMother.Definition("deleted"), null, Ct);
        await Store.DeleteAsync("deleted", null, Ct);
        await Store.SaveDraftAsync(StoreMother.Definition("draft-only"), null, Ct);

        var active = await Store.ListActiveAsync(Ct);

        Assert.Equal(["a:2", "b:1"], active.Select(p => $"{p.Id}:{p.Version}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_SummarisesDraftsAndPublishedWorkflows()
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        var draft = await Store.SaveDraftAsync(StoreMother.Definition("both", "Both (draft)", "draft text"), null, Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Store.PublishAsync(StoreMother.Definition("both", "Both (published)"), null, Ct);
        var published = await Store.PublishAsync(StoreMother.Definition("both", "Both (published)"), null, Ct);
        var onlyPublished = await Store.PublishAsync(StoreMother.Definition("published-only", "Published only", null), null, Ct);
        await Store.PublishAsync(StoreMother.Definition("deleted"), null, Ct);
        await Store.DeleteAsync("deleted", null, Ct);
        var onlyDraft = await Store.SaveDraftAsync(StoreMother.Definition("draft-only", "Draft only"), null, Ct);

        var list = await Store.ListAsync(Ct);

        Assert.Equal(
            [
                new WorkflowSummary("both", "Both (draft)", "draft text", draft.UpdatedAt, draft.ETag, 2, published.PublishedAt),
                new WorkflowSummary("draft-only", "Draft only", onlyDraft.Definition.Description, onlyDraft.UpdatedAt, onlyDraft.ETag, null, null),
                new WorkflowSummary("published-only", "Published only", null, null, null, 1, onlyPublished.PublishedAt),
            ],
            list);
    }
}
