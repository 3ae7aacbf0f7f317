using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Persistence;
using ServicesSync.Testing.Persistence;

namespace ServicesSync.Triggers.Tests.FileDrop;

/// <summary>Files dropped into a watched folder, handled by explicit scans (no waiting on the watcher).</summary>
public sealed class FileDropTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private string Drops => data.Combine("drops", "timesheets");

    private TriggerHarness Host(IWorkflowStore? store = null)
        => new(TimeProvider.System, store, o => o.FileDropSettleTime = TimeSpan.Zero, data.Path);

    private static Definitions.WorkflowDefinition Workflow(string id = "legacy-time")
        => TriggerHarness.Workflow(id, "core.fileDrop", new JsonObject { ["directory"] = "timesheets", ["pattern"] = "*.csv", ["delimiter"] = ";" });

    private static async Task ScanUntilIdleAsync(TriggerHarness host)
    {
        await host.FileDrops.ScanAllAsync(Ct);
        await Task.WhenAll(host.FileDropProcessor.InFlight).WaitAsync(TimeSpan.FromSeconds(20));
    }

    private void Drop(string name, string content)
    {
        Directory.CreateDirectory(Drops);
        File.WriteAllText(Path.Combine(Drops, name), content, new UTF8Encoding(false));
    }

    private JsonElement Report(string folder, string name)
        => JsonDocument.Parse(File.ReadAllText(Path.Combine(Drops, folder, name + ".report.json"))).RootElement;

    [Fact]
    public async Task DroppedCsv_StartsOneRunWithItsRows_AndEndsInDoneWithAReport()
    {
        await using var host = Host();
        await host.PublishAsync(Workflow());
        Drop("week-10.csv", "worker;hours\nW-1;7.5\nW-2;8\n");

        await ScanUntilIdleAsync(host);

        var run = Assert.Single(await host.RunsAsync("legacy-time"));
        var message = JsonNode.Parse(run.InputJson!)!;
        Assert.Equal("week-10.csv", message["file"]!["name"]!.GetValue<string>());
        Assert.Equal("W-2", message["rows"]![1]!["worker"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(Drops, "done", "week-10.csv")));
        Assert.False(File.Exists(Path.Combine(Drops, "week-10.csv")));
        var report = Report("done", "week-10.csv");
        Assert.Equal("completed", report.GetProperty("status").GetString());
        Assert.Equal(2, report.GetProperty("rows").GetInt32());
        Assert.Equal(run.Id, report.GetProperty("instanceId").GetString());
    }

    [Fact]
    public async Task MalformedCsv_GoesToFailedWithTheRowAndColumn_AndNothingRuns()
    {
        await using var host = Host();
        await host.PublishAsync(Workflow());
        Drop("broken.csv", "worker;hours\nW-1;7.5\nW-2;8;extra\n");

        await ScanUntilIdleAsync(host);

        Assert.Empty(await host.RunsAsync("legacy-time"));
        Assert.True(File.Exists(Path.Combine(Drops, "failed", "broken.csv")));
        var report = Report("failed", "broken.csv");
        Assert.Equal("rejected", report.GetProperty("status").GetString());
        var error = report.GetProperty("errors")[0];
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal(3, error.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task InvalidUtf8_GoesToFailedNamingTheRow()
    {
        await using var host = Host();
        await host.PublishAsync(Workflow());
        Directory.CreateDirectory(Drops);
        await File.WriteAllBytesAsync(Path.Combine(Drops, "latin.csv"), [.. "worker;name\nW-1;"u8, 0xE9, .. "\n"u8]);

        await ScanUntilIdleAsync(host);

        Assert.Empty(await host.RunsAsync("legacy-time"));
        Assert.Equal(2, Report("failed", "latin.csv").GetProperty("errors")[0].GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task Restart_WithAFileLeftInProcessing_FinishesItWithoutASecondRun()
    {
        await using var before = Host();
        await before.PublishAsync(Workflow());
        Drop("week-11.csv", "worker;hours\nW-1;7.5\n");
        await ScanUntilIdleAsync(before);
        var run = Assert.Single(await before.RunsAsync("legacy-time"));
        // As if the process died after starting the run but before moving the file on.
        File.Move(Path.Combine(Drops, "done", "week-11.csv"), Path.Combine(Drops, "processing", "week-11.csv"));
        File.Delete(Path.Combine(Drops, "done", "week-11.csv.report.json"));

        await using var after = Host(before.Store);
        await ScanUntilIdleAsync(after);

        Assert.Equal(run.Id, Assert.Single(await after.RunsAsync("legacy-time")).Id);
        Assert.True(File.Exists(Path.Combine(Drops, "done", "week-11.csv")));
        Assert.Empty(Directory.GetFiles(Path.Combine(Drops, "processing")));
    }

    [Fact]
    public async Task AbsoluteFolderOutsideTheAllowedRoots_IsNotWatched()
    {
        await using var host = Host();
        var outside = data.Combine("elsewhere");
        await host.PublishAsync(TriggerHarness.Workflow("escape", "core.fileDrop", new JsonObject { ["directory"] = outside }));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "a.csv"), "x\n1\n");

        await ScanUntilIdleAsync(host);

        Assert.Empty(await host.RunsAsync("escape"));
        Assert.True(File.Exists(Path.Combine(outside, "a.csv")));
    }
}
