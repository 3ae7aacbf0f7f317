using ServicesSync.Errors;
using ServicesSync.Scripting.Snippets;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Scripting.Tests.Hostile;

internal static class PollutionAssert
{
    /// <summary>
    /// Probes, attacks from workflow "attacker", probes again from workflow "victim": the second probe
    /// must read what the first did and its log lines must reach the victim's logger.
    /// </summary>
    public static void AttackIsInvisible(ISnippetRunner runner, string probe, string attack, string expectedXref)
    {
        var before = Probe(runner, probe, "victim", new CapturingLogger());
        try
        {
            runner.RunAsync(SnippetKind.Script, attack, ScriptHarness.Scope(System.Text.Json.Nodes.JsonNode.Parse("""{"a":1}"""), workflowId: "attacker"), CancellationToken.None)
                .AsTask().GetAwaiter().GetResult();
        }
        catch (ServicesSyncException)
        {
            // Refused at validation or at run time: either way, what matters is the next run.
        }

        var logger = new CapturingLogger();
        var after = Probe(runner, probe, "victim", logger);

        Assert.Equal(before, after);
        Assert.Contains($"\"xref\":\"{expectedXref}", after, StringComparison.Ordinal);
        Assert.Contains("\"wf\":\"victim\"", after, StringComparison.Ordinal);
        Assert.Equal(["probe", "probe2"], logger.Entries.Select(e => e.Property("ScriptMessage")));
        Assert.All(logger.Entries, e => Assert.Equal("victim", e.Property("WorkflowId")));
    }

    private static string Probe(ISnippetRunner runner, string probe, string workflow, CapturingLogger logger)
        => runner.RunAsync(SnippetKind.Script, probe, ScriptHarness.Scope(System.Text.Json.Nodes.JsonNode.Parse("""{"a":1}"""), logger, workflowId: workflow), CancellationToken.None)
            .AsTask().GetAwaiter().GetResult()!.ToJsonString();
}
