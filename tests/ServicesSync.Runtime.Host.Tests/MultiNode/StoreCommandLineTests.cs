using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Cli;
using ServicesSync.Host.Tests.Support;
using ServicesSync.Persistence.PostgreSql.Schema;
using ServicesSync.Testing.RealSystems;

namespace ServicesSync.Host.Tests.MultiNode;

/// <summary><c>--store</c> and <c>db migrate</c> as operators type them, against a real PostgreSQL.</summary>
public sealed class StoreCommandLineTests : IDisposable
{
    private readonly TempDirectory data = new("servicessync-pgcli-");

    [Fact]
    public async Task DbMigrate_FreshDatabase_MigratesOnce_ThenSaysItIsUpToDate()
    {
        var store = await PostgreSqlServer.CreateScratchAsync("migrate");

        var first = await CliRunner.RunAsync("db", "migrate", "--store", store);
        var second = await CliRunner.RunAsync("db", "migrate", "--store", store);

        first.AssertExit(ExitCodes.Ok);
        Assert.Contains($"from version 0 to {PostgreSqlSchema.LatestVersion}", first.Output, StringComparison.Ordinal);
        second.AssertExit(ExitCodes.Ok);
        Assert.Contains($"is up to date (version {PostgreSqlSchema.LatestVersion})", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbMigrate_DatabaseOfANewerRelease_Exits5SayingSo()
    {
        var store = await PostgreSqlServer.CreateScratchAsync("newer");
        (await CliRunner.RunAsync("db", "migrate", "--store", store)).AssertExit(ExitCodes.Ok);
        await PostgreSqlServer.ScalarAsync(store, "insert into servicessync_schema (version, name) values (99, 'from the future')");

        var migrate = await CliRunner.RunAsync("db", "migrate", "--store", store);
        var import = await CliRunner.RunAsync("apikey", "list", "--store", store);

        migrate.AssertExit(ExitCodes.DataUnavailable);
        Assert.Contains($"schema version 99, newer than this ServicesSync knows ({PostgreSqlSchema.LatestVersion})", migrate.Error, StringComparison.Ordinal);
        import.AssertExit(ExitCodes.DataUnavailable);
        Assert.Contains("newer than this ServicesSync knows", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbMigrate_WithoutAStore_Exits2NamingTheOption()
    {
        var result = await CliRunner.RunAsync("db", "migrate");

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains("--store", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAndExport_ThroughThePostgreSqlStore_RoundTripAWorkflow()
    {
        var store = await PostgreSqlServer.CreateScratchAsync("transfer");
        var file = data.WriteFile("greet.json", SampleWorkflows.Greet("greet"));

        var imported = await CliRunner.RunAsync("import", file, "--store", store, "--publish");
        var exported = await CliRunner.RunAsync("export", "--store", store, "--published", "--out", "-");

        imported.AssertExit(ExitCodes.Ok);
        exported.AssertExit(ExitCodes.Ok);
        Assert.Contains("\"id\": \"greet\"", exported.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Database=nowhere;Username=ops;Password=hunter2-secret", "127.0.0.1:1/nowhere as ops")]
    [InlineData("postgres://ops:hunter2-secret@127.0.0.1:1/nowhere", "127.0.0.1:1/nowhere as ops")]
    public async Task Serve_WithAnUnreachableStore_Exits5NamingTheDatabase_WithoutPasswordOrStackTrace(string connectionString, string named)
    {
        var (exitCode, stdout, stderr) = await ServerExit.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--data", data.Path, "--store", connectionString],
            new Dictionary<string, string> { ["ServicesSync__Secrets__Key"] = Convert.ToBase64String(new byte[32]) });
        var output = stdout + stderr;

        Assert.True(exitCode == ExitCodes.DataUnavailable, $"exit {exitCode}:\n{output}");
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeyList_WithAStoreThatIsNotAConnectionString_Exits5NamingTheProblem()
    {
        var result = await CliRunner.RunAsync("apikey", "list", "--store", "Hots=db;Port=5432");

        result.AssertExit(ExitCodes.DataUnavailable);
        Assert.Contains("The store connection string is not valid", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => data.Dispose();
}
