using ServicesSync.Composition.Storage;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Cli;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Persistence;
using ServicesSync.Persistence.Transfer;
using ServicesSync.Testing.Persistence;
using TempDirectory = ServicesSync.Host.Tests.Support.TempDirectory;
using ServicesSync.Testing.RealSystems;

namespace ServicesSync.Host.Tests.Store;

public sealed class StoreCopyCommandTests : IDisposable
{
    private readonly TempDirectory folder = new();

    private string Data => folder.Combine("data");

    [Fact]
    public async Task Copy_MovesEveryRecordOfEveryKindAsItIs_AndPrintsMatchingCounts()
    {
        await using (var source = CliServices.WithStore(Data))
        {
            await FullStore.FillAsync(source.Store);
        }

        var target = await PostgreSqlServer.CreateScratchAsync("copy");

        // Pages of 3 split the journal (10 entries) and every other kind of 2 or 3 records.
        var result = await CliRunner.RunAsync("store", "copy", "--from", Data, "--to", target, "--page-size", "3");

        result.AssertExit(ExitCodes.Ok);
        var expected = new Dictionary<string, int>
        {
            ["drafts"] = 2, ["published versions"] = 3, ["instances"] = 3, ["journal entries"] = 10, ["bookmarks"] = 2, ["dead letters"] = 2,
            ["events"] = 2, ["idempotency records"] = 2, ["API keys"] = 2, ["connections"] = 2, ["cross-references"] = 2,
            ["schedules"] = 2, ["schedule firings"] = 2, ["watermarks"] = 2,
        };
        foreach (var (kind, count) in expected)
        {
            Assert.Contains(result.OutputLines, line => System.Text.RegularExpressions.Regex.IsMatch(line, $"^{kind} +{count} +{count}$"));
        }

        Assert.Contains("Copied 38 records; every count matches.", result.Output, StringComparison.Ordinal);

        StoreContents copied;
        await using (var pg = CliServices.WithStore(new StoreChoice(Data, target)))
        {
            var (events, firings) = await StoreContents.TablesAsync(target);
            copied = await StoreContents.ReadAsync(pg.Store, events, firings);
        }

        await using (var source = CliServices.WithStore(Data))
        {
            var (events, firings) = await StoreContents.ExportedAsync(source.Services.GetRequiredService<IStoreExport>());
            var original = await StoreContents.ReadAsync(source.Store, events, firings);
            Assert.DoesNotContain(null, original.Drafts);
            Assert.DoesNotContain(null, original.Instances);
            StoreAssert.Equivalent(original, copied);
        }

        // What the contract alone could not have written: numbers, times and publishers of retired
        // versions, closed dead letters, dispatched events, revoked keys, ciphertexts, completed firings.
        Assert.Equal([(3, false, "bob"), (2, true, null), (1, true, "alice")], copied.Versions.Select(v => (v.Version, v.Retired, v.PublishedBy)));
        Assert.Equal([DeadLetterStatus.Open, DeadLetterStatus.Retried], copied.DeadLetters.Select(d => d!.Status));
        Assert.Equal([StoreMother.At(4), null], copied.Events.Select(e => e.DispatchedAt?.ToUniversalTime()));
        Assert.Equal(StoreMother.At(2), copied.ApiKeys.Single(k => k.Id == "key_revoked").RevokedAt);
        Assert.Equal(new StoredSecret("k1a2b3c4", "bm90LWEtcmVhbC1jaXBoZXJ0ZXh0"), copied.Connections.Single(c => c.Id == "erp").Secret);
        Assert.Equal([null, StoreMother.At(13)], copied.ScheduleFirings.Select(f => f.CompletedAt?.ToUniversalTime()));
        Assert.Equal(10, copied.Journal.Count);
    }

    [Fact]
    public async Task Copy_IntoATargetThatHoldsRecords_IsRefusedNamingThem_AndWritesNothing()
    {
        await using (var source = CliServices.WithStore(Data))
        {
            await FullStore.FillAsync(source.Store);
        }

        var target = await PostgreSqlServer.CreateScratchAsync("copy_full");
        await using (var pg = CliServices.WithStore(new StoreChoice(Data, target)))
        {
            await pg.Store.SaveDraftAsync(StoreMother.Definition("already-there"), null, CancellationToken.None);
            await pg.Store.AddApiKeyAsync(StoreMother.ApiKey("key_pg", new string('c', 64)), CancellationToken.None);
        }

        var result = await CliRunner.RunAsync("store", "copy", "--from", Data, "--to", target);

        result.AssertExit(ExitCodes.InvalidInput);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("is not empty: it already holds 1 draft, 1 API key.", line, StringComparison.Ordinal);
        Assert.Contains("nothing was copied", line, StringComparison.Ordinal);
        Assert.Equal(0L, await PostgreSqlServer.ScalarAsync(target, "select count(*) from instances"));
        Assert.Equal(1L, await PostgreSqlServer.ScalarAsync(target, "select count(*) from drafts"));
    }

    [Fact]
    public async Task Copy_ThatTheTargetRefusesHalfWay_Exits7SayingHowFarItGotAndWhatToDo()
    {
        await using (var source = CliServices.WithStore(Data))
        {
            await FullStore.FillAsync(source.Store);
        }

        var target = await PostgreSqlServer.CreateScratchAsync("copy_refused");
        await using (CliServices.WithStore(new StoreChoice(Data, target)))
        {
            // The schema exists now; watermarks, the last kind copied, cannot be written.
        }

        await PostgreSqlServer.ScalarAsync(target, "alter table watermarks add constraint refuse_all check (false)");

        var result = await CliRunner.RunAsync("store", "copy", "--from", Data, "--to", target);

        result.AssertExit(ExitCodes.CopyIncomplete);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: The copy stopped after 36 records: The PostgreSQL store", line, StringComparison.Ordinal);
        Assert.Contains("refuse_all", line, StringComparison.Ordinal);
        Assert.EndsWith("The target holds a partial copy: drop and re-create its database or schema before copying again.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_FromADirectoryThatDoesNotExist_Exits5NamingIt()
    {
        var result = await CliRunner.RunAsync("store", "copy", "--from", folder.Combine("absent"), "--to", "Host=127.0.0.1;Database=servicessync");

        result.AssertExit(ExitCodes.DataUnavailable);
        Assert.Contains($"The data directory '{folder.Combine("absent")}' does not exist", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_FromADirectoryWithoutAStore_Exits5_AndCreatesNoStoreThere()
    {
        Directory.CreateDirectory(Data);

        var result = await CliRunner.RunAsync("store", "copy", "--from", Data, "--to", "Host=127.0.0.1;Database=servicessync");

        result.AssertExit(ExitCodes.DataUnavailable);
        Assert.Contains("holds no store (servicessync.db)", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Data));
    }

    [Fact]
    public async Task Copy_FromADirectoryInUse_Exits5SayingToStopTheServer()
    {
        await using var running = CliServices.WithStore(Data);
        await running.Store.SaveDraftAsync(StoreMother.Definition(), null, CancellationToken.None);
        var target = await PostgreSqlServer.CreateScratchAsync("copy_locked");

        var result = await CliRunner.RunAsync("store", "copy", "--from", Data, "--to", target);

        result.AssertExit(ExitCodes.DataUnavailable);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains($"The data directory '{Data}' is in use by a running servicessync process; stop the server first", line, StringComparison.Ordinal);
        Assert.Equal(0L, await PostgreSqlServer.ScalarAsync(target, "select count(*) from information_schema.tables where table_schema = current_schema()"));
    }

    [Fact]
    public async Task Copy_ToAnUnreachableServer_Exits5NamingHostPortAndDatabase_WithoutTheMessageOrAStackTrace()
    {
        await using (var source = CliServices.WithStore(Data))
        {
            await FullStore.FillAsync(source.Store);
        }

        var result = await CliRunner.RunAsync(
            "store", "copy", "--from", Data, "--to", "Host=127.0.0.1;Port=9;Database=servicessync;Username=ops;Password=hunter2-secret;Timeout=5");

        result.AssertExit(ExitCodes.DataUnavailable);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: The PostgreSQL store 127.0.0.1:9/servicessync as ops cannot be reached:", line, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was copied.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://")]
    [InlineData("Database=servicessync;Username=ops")]
    [InlineData("Host=db;Port=not-a-port")]
    public async Task Copy_ToAnInvalidConnectionString_Exits2SayingWhatIsWrong(string connectionString)
    {
        await using (var source = CliServices.WithStore(Data))
        {
            await FullStore.FillAsync(source.Store);
        }

        var result = await CliRunner.RunAsync("store", "copy", "--from", Data, "--to", connectionString);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.StartsWith("error: --to: The store connection string is not valid:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
