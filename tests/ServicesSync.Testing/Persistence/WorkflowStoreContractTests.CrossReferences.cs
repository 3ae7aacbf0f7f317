using ServicesSync.Errors;
using ServicesSync.Persistence;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Testing.Persistence;

public abstract partial class WorkflowStoreContractTests
{
    private static CrossReferenceRecord Link(string canonicalId, string system, string externalId, string entityType = "worker", int minute = 1)
        => new(entityType, canonicalId, system, externalId, At(minute));

    [Fact]
    public async Task FindCrossReferenceAsync_Unknown_ReturnsNull()
        => Assert.Null(await Store.FindCrossReferenceAsync("worker", "bamboohr", "123", Ct));

    [Fact]
    public async Task LinkCrossReferenceAsync_ThenFindAndList_RoundTrips()
    {
        var bamboo = Link("wrk-1", "bamboohr", "123");
        var netsuite = Link("wrk-1", "netsuite", "881", minute: 2);

        Assert.Equal(new CrossReferenceLinkResult(CrossReferenceLinkStatus.Created, bamboo), await Store.LinkCrossReferenceAsync(bamboo, Ct));
        Assert.Equal(CrossReferenceLinkStatus.Created, (await Store.LinkCrossReferenceAsync(netsuite, Ct)).Status);

        Assert.Equal(bamboo, await Store.FindCrossReferenceAsync("worker", "bamboohr", "123", Ct));
        Assert.Equal([bamboo, netsuite], await Store.ListCrossReferencesAsync("worker", "wrk-1", Ct));
        Assert.Empty(await Store.ListCrossReferencesAsync("worker", "wrk-2", Ct));
    }

    [Fact]
    public async Task LinkCrossReferenceAsync_SameLinkAgain_IsUnchangedAndKeepsTheFirstTime()
    {
        await Store.LinkCrossReferenceAsync(Link("wrk-1", "bamboohr", "123", minute: 1), Ct);

        var again = await Store.LinkCrossReferenceAsync(Link("wrk-1", "bamboohr", "123", minute: 9), Ct);

        Assert.Equal(CrossReferenceLinkStatus.Unchanged, again.Status);
        Assert.Equal(At(1), again.Record.LinkedAt);
        Assert.Single(await Store.ListCrossReferencesAsync("worker", "wrk-1", Ct));
    }

    [Fact]
    public async Task LinkCrossReferenceAsync_ExternalIdOfAnotherCanonicalId_ConflictsAndChangesNothing()
    {
        var first = Link("wrk-1", "bamboohr", "123");
        await Store.LinkCrossReferenceAsync(first, Ct);

        var result = await Store.LinkCrossReferenceAsync(Link("wrk-2", "bamboohr", "123"), Ct);

        Assert.Equal(new CrossReferenceLinkResult(CrossReferenceLinkStatus.Conflict, first), result);
        Assert.Empty(await Store.ListCrossReferencesAsync("worker", "wrk-2", Ct));
    }

    [Fact]
    public async Task LinkCrossReferenceAsync_SecondIdInTheSameSystem_ConflictsAndChangesNothing()
    {
        var first = Link("wrk-1", "bamboohr", "123");
        await Store.LinkCrossReferenceAsync(first, Ct);

        var result = await Store.LinkCrossReferenceAsync(Link("wrk-1", "bamboohr", "456"), Ct);

        Assert.Equal(new CrossReferenceLinkResult(CrossReferenceLinkStatus.Conflict, first), result);
        Assert.Null(await Store.FindCrossReferenceAsync("worker", "bamboohr", "456", Ct));
    }

    [Fact]
    public async Task LinkCrossReferenceAsync_SameExternalIdForAnotherEntityType_IsADifferentLink()
    {
        // Jira numbers projects and issues from the same sequence space: 10000 can be both.
        await Store.LinkCrossReferenceAsync(Link("prj-1", "jira", "10000", entityType: "project"), Ct);
        var issue = await Store.LinkCrossReferenceAsync(Link("tsk-9", "jira", "10000", entityType: "task"), Ct);

        Assert.Equal(CrossReferenceLinkStatus.Created, issue.Status);
        Assert.Equal("prj-1", (await Store.FindCrossReferenceAsync("project", "jira", "10000", Ct))!.CanonicalId);
        Assert.Equal("tsk-9", (await Store.FindCrossReferenceAsync("task", "jira", "10000", Ct))!.CanonicalId);
    }

    [Fact]
    public async Task FindCrossReferenceAsync_IsCaseSensitiveAndExact()
    {
        await Store.LinkCrossReferenceAsync(Link("wrk-1", "jira", "5b10ac8d82e05b22cc7d4ef5"), Ct);

        Assert.Null(await Store.FindCrossReferenceAsync("worker", "jira", "5B10AC8D82E05B22CC7D4EF5", Ct));
        Assert.Null(await Store.FindCrossReferenceAsync("worker", "Jira", "5b10ac8d82e05b22cc7d4ef5", Ct));
        Assert.Null(await Store.FindCrossReferenceAsync("worker", "jira", "5b10ac8d82e05b22cc7d4ef", Ct));
    }

    [Fact]
    public async Task LinkCrossReferenceAsync_VeryLongIds_AreStoredAndFound()
    {
        var id = new string('x', 3000);
        await Store.LinkCrossReferenceAsync(Link("wrk-1", "legacy", id), Ct);

        Assert.Equal(id, (await Store.FindCrossReferenceAsync("worker", "legacy", id, Ct))!.ExternalId);
        Assert.Null(await Store.FindCrossReferenceAsync("worker", "legacy", id[..^1] + "y", Ct));
    }

    [Fact]
    public async Task ListCrossReferencesAsync_DoesNotMatchCanonicalIdsByPrefixOrWildcard()
    {
        await Store.LinkCrossReferenceAsync(Link("wrk-1", "bamboohr", "1"), Ct);
        await Store.LinkCrossReferenceAsync(Link("wrk-10", "bamboohr", "10"), Ct);
        await Store.LinkCrossReferenceAsync(Link("wrk_1", "bamboohr", "11"), Ct);

        Assert.Equal(["1"], (await Store.ListCrossReferencesAsync("worker", "wrk-1", Ct)).Select(r => r.ExternalId));
    }

    [Fact]
    public async Task UnlinkCrossReferenceAsync_RemovesTheLinkAndFreesBothKeys()
    {
        await Store.LinkCrossReferenceAsync(Link("wrk-1", "bamboohr", "123"), Ct);

        Assert.True(await Store.UnlinkCrossReferenceAsync("worker", "bamboohr", "123", Ct));
        Assert.False(await Store.UnlinkCrossReferenceAsync("worker", "bamboohr", "123", Ct));

        Assert.Null(await Store.FindCrossReferenceAsync("worker", "bamboohr", "123", Ct));
        Assert.Equal(CrossReferenceLinkStatus.Created, (await Store.LinkCrossReferenceAsync(Link("wrk-1", "bamboohr", "999"), Ct)).Status);
    }

    [Theory]
    [InlineData("", "wrk-1", "bamboohr", "1")]
    [InlineData("worker", " ", "bamboohr", "1")]
    [InlineData("worker", "wrk-1", "", "1")]
    [InlineData("worker", "wrk-1", "bamboohr", "")]
    public async Task LinkCrossReferenceAsync_EmptyPart_IsAValidationError(string entityType, string canonicalId, string system, string externalId)
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(
            () => Store.LinkCrossReferenceAsync(new CrossReferenceRecord(entityType, canonicalId, system, externalId, At(0)), Ct));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.StartsWith("A cross-reference needs a", ex.Message, StringComparison.Ordinal);
    }
}
