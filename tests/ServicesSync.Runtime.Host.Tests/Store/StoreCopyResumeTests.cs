using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Api.Security;
using ServicesSync.Composition.Storage;
using ServicesSync.Host.Common;
using ServicesSync.Host.Serve;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Cli;
using ServicesSync.Persistence;
using ServicesSync.Testing.Persistence;
using ServicesSync.Testing.RealSystems;
using TempDirectory = ServicesSync.Host.Tests.Support.TempDirectory;
using ServicesSync.Testing.Waiting;

namespace ServicesSync.Host.Tests.Store;

public sealed class StoreCopyResumeTests : IDisposable
{
    private const string Waiting = """
        {
          "schemaVersion": 1,
          "id": "await-approval",
          "name": "Await approval",
          "activities": [
            { "id": "start", "type": "core.manual" },
            { "id": "approval", "type": "core.waitForEvent", "inputs": { "name": "timesheet.approved", "correlationKey": "TS-7" } },
            { "id": "done", "type": "core.set", "inputs": { "template": { "approvedBy": "{{input.by}}" } } }
          ],
          "connections": [
            { "from": "start", "to": "approval" },
            { "from": "approval", "outcome": "received", "to": "done" }
          ]
        }
        """;

    private readonly TempDirectory folder = new();

    [Fact]
    public async Task ASuspendedRunCopiedToPostgreSql_IsIdenticalRecordByRecord_AndResumesThereOnItsEvent()
    {
        var data = folder.Combine("data");
        var suspended = await CliRunner.RunAsync("run", folder.WriteFile("await.json", Waiting), "--data", data);
        suspended.AssertExit(ExitCodes.RunSuspended);
        var (instance, journal, bookmarks) = await ReadRunAsync(new StoreChoice(data, null));
        Assert.Equal(InstanceStatus.Suspended, instance.Status);
        Assert.NotEmpty(journal);
        Assert.Equal("TS-7", Assert.Single(bookmarks).CorrelationKey);

        var target = await PostgreSqlServer.CreateScratchAsync("copy_resume");
        (await CliRunner.RunAsync("store", "copy", "--from", data, "--to", target)).AssertExit(ExitCodes.Ok);

        var (copied, copiedJournal, copiedBookmarks) = await ReadRunAsync(new StoreChoice(data, target));
        StoreAssert.Equivalent(instance, copied);
        StoreAssert.Equivalent(journal, copiedJournal);
        StoreAssert.Equivalent(bookmarks, copiedBookmarks);

        await using var server = new PostgreSqlServe(folder.Combine("node"), target);
        var store = server.Services.GetRequiredService<IWorkflowStore>();
        using var client = server.CreateClient();
        var key = ApiKeys.Generate();
        await store.AddApiKeyAsync(ApiKeys.CreateRecord(key, "test", ["run"], DateTimeOffset.UtcNow), CancellationToken.None);
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);

        using var published = await client.PostAsync(
            new Uri("api/v1/events", UriKind.Relative),
            HttpJson.Content("""{ "name": "timesheet.approved", "correlationKey": "TS-7", "payload": { "by": "dana" } }"""));
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());

        var finished = await WaitForFinishAsync(store, instance.Id, TimeSpan.FromSeconds(30));
        Assert.Equal(InstanceStatus.Completed, finished.Status);
        Assert.Equal("""{"approvedBy":"dana"}""", finished.OutputJson);
        Assert.Empty(await store.GetBookmarksAsync(instance.Id, CancellationToken.None));
        Assert.True((await store.GetJournalAsync(instance.Id, null, CancellationToken.None)).Count > journal.Count);
    }

    public void Dispose() => folder.Dispose();

    private static async Task<(WorkflowInstance Instance, IReadOnlyList<JournalEntry> Journal, IReadOnlyList<BookmarkRecord> Bookmarks)> ReadRunAsync(StoreChoice choice)
    {
        await using var services = CliServices.WithStore(choice);
        var store = services.Store;
        var id = Assert.Single(await store.ListIdsAsync(InstanceStatus.Suspended, CancellationToken.None));
        return ((await store.GetAsync(id, CancellationToken.None))!, await store.GetJournalAsync(id, null, CancellationToken.None), await store.GetBookmarksAsync(id, CancellationToken.None));
    }

    private static Task<WorkflowInstance> WaitForFinishAsync(IWorkflowStore store, string id, TimeSpan limit)
        => Poll.ForAsync(
            async () => (await store.GetAsync(id, CancellationToken.None))!,
            instance => instance.Status is not (InstanceStatus.Suspended or InstanceStatus.Running),
            limit,
            instance => $"run {id} is still {instance.Status}");

    /// <summary>The real <c>serve</c> composition on the PostgreSQL store the copy wrote.</summary>
    private sealed class PostgreSqlServe(string dataDirectory, string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting(ServeSettings.DataDirectoryKey, dataDirectory);
            builder.UseSetting(StoreChoice.ConnectionStringKey, connectionString);
            // A shared store needs the nodes' common secrets key; this run has no connections to decrypt.
            builder.UseSetting(StoreChoice.SecretsKeyKey, Convert.ToBase64String(new byte[32]));
            builder.UseSetting("ServicesSync:Api:ApiKeyCacheDuration", "00:00:00");
        }
    }
}
