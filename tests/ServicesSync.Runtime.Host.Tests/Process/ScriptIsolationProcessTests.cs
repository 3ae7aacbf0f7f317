using System.Text.RegularExpressions;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Support;
using ServicesSync.Testing.Host;

namespace ServicesSync.Host.Tests.Process;

/// <summary>
/// Script isolation as a deployment option: a real <c>serve</c> process configured for worker
/// processes runs a <c>core.script</c> in a <c>ServicesSync.Scripting.Worker</c> child process.
/// </summary>
public sealed partial class ScriptIsolationProcessTests : IDisposable
{
    private readonly TempDirectory workflows = new("servicessync-isolation-");

    [Theory]
    [InlineData("command line")]
    [InlineData("environment")]
    public async Task Serve_WithWorkerProcessIsolation_RunsTheSnippetInAWorkerChildProcess(string source)
    {
        workflows.WriteFile("double.json", """
            {
              "schemaVersion": 1, "id": "double", "name": "Double in a worker",
              "activities": [
                { "id": "start", "type": "core.manual" },
                { "id": "calc", "type": "core.script", "inputs": { "language": "javascript", "code": "return { doubled: input.n * 2 };" } }
              ],
              "connections": [ { "from": "start", "to": "calc" } ]
            }
            """);
        var options = new ServicesSyncProcessOptions();
        options.ExtraArguments.Add("--workflows");
        options.ExtraArguments.Add(workflows.Path);
        if (source == "command line")
        {
            options.ExtraArguments.Add("--ServicesSync:Scripting:Isolation=WorkerProcess");
            options.ExtraArguments.Add("--ServicesSync:Scripting:WorkerPoolSize=1");
        }
        else
        {
            options.Environment["ServicesSync__Scripting__Isolation"] = "WorkerProcess";
            options.Environment["ServicesSync__Scripting__WorkerPoolSize"] = "1";
        }

        options.Environment["Serilog__MinimumLevel__Override__ServicesSync.Scripting.Workers"] = "Debug";
        await using var server = await ServicesSyncProcess.StartAsync(options);
        using var client = server.CreateClient();

        var run = await HttpJson.ReadAsync(await client.PostAsync(new Uri("api/v1/workflows/double/runs?wait=30", UriKind.Relative), HttpJson.Content("{\"n\":21}")));

        Assert.Equal(42, run.GetProperty("output").GetProperty("doubled").GetInt32());
        var ran = RanInWorker().Match(server.Output);
        Assert.True(ran.Success, server.Output);
        var workerId = int.Parse(ran.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(server.ProcessId, workerId);
        // The worker is a child of the server running the worker assembly (Linux /proc).
        var commandLine = await File.ReadAllTextAsync($"/proc/{workerId}/cmdline");
        Assert.Contains("ServicesSync.Scripting.Worker.dll", commandLine, StringComparison.Ordinal);
        var stat = await File.ReadAllTextAsync($"/proc/{workerId}/stat");
        var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(server.ProcessId, parent);
    }

    public void Dispose() => workflows.Dispose();

    [GeneratedRegex(@"A snippet of ""?double""?/""?calc""? ran in script worker (\d+)")]
    private static partial Regex RanInWorker();
}
