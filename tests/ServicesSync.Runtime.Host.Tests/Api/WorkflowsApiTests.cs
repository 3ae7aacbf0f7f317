using System.Net;
using System.Text.Json;
using ServicesSync.Api.Security;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Api;

public sealed class WorkflowsApiTests(ServicesSyncApiFactory factory) : IClassFixture<ServicesSyncApiFactory>
{
    private const string StaleDetail = "the draft was changed by someone else since you loaded it: reload it or overwrite it";

    [Fact]
    public async Task Create_ValidDefinition_Returns201WithLocationETagAndNoProblems()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);
        var id = SampleWorkflows.UniqueId("create");

        using var created = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(id)));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/workflows/{id}", created.Headers.Location?.OriginalString);
        var etag = created.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        var body = await HttpJson.ReadAsync(created);
        Assert.Equal(id, body.GetProperty("definition").GetProperty("id").GetString());
        Assert.Equal(0, body.GetProperty("problems").GetArrayLength());

        using var loaded = await client.GetAsync(new Uri($"/api/v1/workflows/{id}", UriKind.Relative));
        Assert.Equal(etag, loaded.Headers.ETag);
        var draft = await HttpJson.ReadAsync(loaded);
        Assert.Equal(etag.Tag, draft.GetProperty("eTag").GetString());
        Assert.Equal("reply", draft.GetProperty("definition").GetProperty("activities")[1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Create_ExistingId_Returns409AlreadyExists()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);
        var id = SampleWorkflows.UniqueId("twice");
        using var first = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(id)));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(id, "Other")));

        var problem = await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict, "already-exists");
        Assert.Contains(id, ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithSemanticErrors_SavesTheDraftAndListsTheProblems()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);
        var id = SampleWorkflows.UniqueId("wip");

        using var created = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.WithSemanticError(id)));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var problems = (await HttpJson.ReadAsync(created)).GetProperty("problems");
        var problem = Assert.Single(problems.EnumerateArray(), p => p.GetProperty("code").GetString() == "connection.unknownTo");
        Assert.Equal("error", problem.GetProperty("severity").GetString());
        Assert.StartsWith("/connections/0", problem.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("message").GetString()));
        using var loaded = await client.GetAsync(new Uri($"/api/v1/workflows/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
    }

    [Fact]
    public async Task Create_UnreadableDefinition_Returns400WithEveryProblem()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);
        var id = SampleWorkflows.UniqueId("bad");

        using var response = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.Unreadable(id)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-definition");
        var codes = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToArray();
        Assert.Contains("schema.required", codes);
        Assert.Contains("schema.unknownProperty", codes);
    }

    [Fact]
    public async Task Create_MalformedJson_Returns400NamingLineAndPosition()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);

        using var response = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content("{\n  \"id\": \"x\",\n  oops\n}"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Equal(3, problem.GetProperty("position").GetInt32());
        Assert.Contains("line 3, position 3", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BodyOverTheMessageLimit_Returns413Problem()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);
        var huge = $"{{\"schemaVersion\":1,\"id\":\"big\",\"name\":\"{new string('x', ServicesSyncApiFactory.MaxMessageBytes)}\"}}";

        using var response = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(huge));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Contains(ServicesSyncApiFactory.MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_WithAStaleETag_Returns409AndLeavesTheDraftUnchanged()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);
        var id = SampleWorkflows.UniqueId("stale");
        using var created = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(id, "First")));
        var loadedETag = created.Headers.ETag!.Tag;
        using var someoneElse = await client.SendAsync(HttpJson.Request(HttpMethod.Put, $"/api/v1/workflows/{id}", SampleWorkflows.Greet(id, "Second"), loadedETag));
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
        var currentETag = someoneElse.Headers.ETag!.Tag;
        Assert.NotEqual(loadedETag, currentETag);

        using var mine = await client.SendAsync(HttpJson.Request(HttpMethod.Put, $"/api/v1/workflows/{id}", SampleWorkflows.Greet(id, "Mine"), loadedETag));

        var problem = await ProblemAssert.IsProblemAsync(mine, HttpStatusCode.Conflict, "edit-conflict");
        Assert.Equal(StaleDetail, ProblemAssert.Detail(problem));
        Assert.Equal(currentETag, problem.GetProperty("currentETag").GetString());
        var draft = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/workflows/{id}", UriKind.Relative)));
        Assert.Equal("Second", draft.GetProperty("definition").GetProperty("name").GetString());
        Assert.Equal(currentETag, draft.GetProperty("eTag").GetString());
    }

    [Fact]
    public async Task Replace_WithoutIfMatch_OverwritesTheDraft()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);
        var id = SampleWorkflows.UniqueId("overwrite");
        using var created = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(id, "First")));

        using var replaced = await client.PutAsync(new Uri($"/api/v1/workflows/{id}", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(id, "Forced")));

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.NotEqual(created.Headers.ETag, replaced.Headers.ETag);
        var draft = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/workflows/{id}", UriKind.Relative)));
        Assert.Equal("Forced", draft.GetProperty("definition").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Replace_BodyWithoutId_TakesTheIdFromTheUrl()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);
        var id = SampleWorkflows.UniqueId("noid");
        using var created = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(id)));
        var withoutId = SampleWorkflows.Greet(id, "Renamed").Replace($"\"id\": \"{id}\",", "", StringComparison.Ordinal);
        Assert.DoesNotContain(id, withoutId, StringComparison.Ordinal);

        using var replaced = await client.PutAsync(new Uri($"/api/v1/workflows/{id}", UriKind.Relative), HttpJson.Content(withoutId));

        var body = await HttpJson.ReadAsync(replaced);
        Assert.Equal(id, body.GetProperty("definition").GetProperty("id").GetString());
        Assert.Equal("Renamed", body.GetProperty("definition").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Replace_BodyWithAnotherId_Returns400()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write);
        var id = SampleWorkflows.UniqueId("mismatch");
        using var created = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(id)));

        using var response = await client.PutAsync(new Uri($"/api/v1/workflows/{id}", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet("other-id")));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("'other-id'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReplaceAndDelete_UnknownWorkflow_Return404Problems()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);

        using var get = await client.GetAsync(new Uri("/api/v1/workflows/missing-one", UriKind.Relative));
        using var put = await client.PutAsync(new Uri("/api/v1/workflows/missing-one", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet("missing-one")));
        using var delete = await client.DeleteAsync(new Uri("/api/v1/workflows/missing-one", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Delete_WithAStaleETag_Returns409_AndWithoutOne_RemovesTheDraft()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);
        var id = SampleWorkflows.UniqueId("delete");
        using var created = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(id)));

        using var stale = await client.SendAsync(HttpJson.Request(HttpMethod.Delete, $"/api/v1/workflows/{id}", ifMatch: "\"not-the-tag\""));
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict, "edit-conflict");

        using var deleted = await client.DeleteAsync(new Uri($"/api/v1/workflows/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync(new Uri($"/api/v1/workflows/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Publish_DraftWithErrors_Returns422WithProblems_AndPublishesNothing()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);
        var id = SampleWorkflows.UniqueId("unpublishable");
        using var created = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.WithSemanticError(id)));

        using var published = await client.PostAsync(new Uri($"/api/v1/workflows/{id}/publish", UriKind.Relative), null);

        var problem = await ProblemAssert.IsProblemAsync(published, HttpStatusCode.UnprocessableEntity, "validation-failed");
        Assert.Contains(problem.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "connection.unknownTo");
        var versions = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/workflows/{id}/versions", UriKind.Relative)));
        Assert.Equal(0, versions.GetArrayLength());
    }

    [Fact]
    public async Task Publish_ValidDraft_FreezesNumberedVersions()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write);
        var id = SampleWorkflows.UniqueId("publish");
        using var created = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(id, "One")));

        using var first = await client.PostAsync(new Uri($"/api/v1/workflows/{id}/publish", UriKind.Relative), null);
        using var edited = await client.PutAsync(new Uri($"/api/v1/workflows/{id}", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(id, "Two")));
        using var second = await client.PostAsync(new Uri($"/api/v1/workflows/{id}/publish", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, (await HttpJson.ReadAsync(first)).GetProperty("version").GetInt32());
        Assert.Equal($"/api/v1/workflows/{id}/versions/2", second.Headers.Location?.OriginalString);
        var versions = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/workflows/{id}/versions", UriKind.Relative)));
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var one = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/workflows/{id}/versions/1", UriKind.Relative)));
        Assert.Equal("One", one.GetProperty("definition").GetProperty("name").GetString());
        Assert.Equal(1, one.GetProperty("definition").GetProperty("version").GetInt32());
        using var missing = await client.GetAsync(new Uri($"/api/v1/workflows/{id}/versions/9", UriKind.Relative));
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not-found");

        var list = await HttpJson.ReadAsync(await client.GetAsync(new Uri("/api/v1/workflows", UriKind.Relative)));
        var summary = Assert.Single(list.EnumerateArray(), w => w.GetProperty("id").GetString() == id);
        Assert.Equal(2, summary.GetProperty("latestVersion").GetInt32());
        Assert.Equal("Two", summary.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ActivityTypes_ListsTheCoreActivitiesWithTheirInputs()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read);

        var types = await HttpJson.ReadAsync(await client.GetAsync(new Uri("/api/v1/activity-types", UriKind.Relative)));

        var set = Assert.Single(types.EnumerateArray(), t => t.GetProperty("type").GetString() == "core.set");
        Assert.Contains(set.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("name").GetString() == "template");
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("type").GetString() == "core.manual" && t.GetProperty("isTrigger").GetBoolean());
        Assert.Equal(JsonValueKind.Array, types.ValueKind);
    }
}
