using System.Text.Json.Nodes;
using ServicesSync.Errors;
using ServicesSync.Scripting.Snippets;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Scripting.Tests;

/// <summary>
/// A secret planted in an environment variable and in a file is never in a snippet's output, its
/// error or the logs, whatever the snippet tries.
/// </summary>
public sealed class CanarySecretTests : IDisposable
{
    private const string Variable = "SERVICESSYNC_TEST_CANARY";
    private readonly string canary = "canary-" + Guid.NewGuid().ToString("N");
    private readonly string file = Path.Combine(Path.GetTempPath(), "servicessync-canary-" + Guid.NewGuid().ToString("N") + ".txt");

    public CanarySecretTests()
    {
        Environment.SetEnvironmentVariable(Variable, canary);
        File.WriteAllText(file, canary);
    }

    public static TheoryData<string, string> Attempts() => new()
    {
        { ScriptLanguages.JavaScript, "return process.env.SERVICESSYNC_TEST_CANARY;" },
        { ScriptLanguages.JavaScript, "return require('fs').readFileSync('FILE', 'utf8');" },
        { ScriptLanguages.JavaScript, "return importNamespace('System').Environment.GetEnvironmentVariable('SERVICESSYNC_TEST_CANARY');" },
        { ScriptLanguages.JavaScript, "log.error(String(globalThis.SERVICESSYNC_TEST_CANARY)); return Object.getOwnPropertyNames(globalThis).join(',');" },
        { ScriptLanguages.JavaScript, "try { return new Function('return this')().process.env; } catch (e) { log.error(e.message); throw e; }" },
        { ScriptLanguages.CSharp, "return Environment.GetEnvironmentVariable(\"SERVICESSYNC_TEST_CANARY\");" },
        { ScriptLanguages.CSharp, "return Environment.GetEnvironmentVariables();" },
        { ScriptLanguages.CSharp, "return System.IO.File.ReadAllText(\"FILE\");" },
        { ScriptLanguages.CSharp, "return new System.IO.StreamReader(\"FILE\").ReadToEnd();" },
        { ScriptLanguages.CSharp, "return System.Diagnostics.Process.Start(\"cat\", \"FILE\").StandardOutput.ReadToEnd();" },
        { ScriptLanguages.CSharp, "return Type.GetType(\"System.Environment\").GetMethod(\"GetEnvironmentVariable\", new[] { typeof(string) }).Invoke(null, new object[] { \"SERVICESSYNC_TEST_CANARY\" });" },
        { ScriptLanguages.CSharp, "try { return Input.AsObject().Count; } catch (Exception e) { Ctx.LogError(e.ToString()); return e.StackTrace; }" },
        { ScriptLanguages.CSharp, "Ctx.LogError(new Uri(\"file://FILE\").LocalPath); return new Uri(\"file://FILE\").AbsolutePath;" },
    };

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task Snippet_TryingToReadTheSecret_NeverSeesIt(string language, string code)
    {
        ISnippetRunner runner = language == ScriptLanguages.JavaScript ? ScriptHarness.JavaScript() : ScriptHarness.CSharp();
        var logger = new CapturingLogger();
        var scope = ScriptHarness.Scope(JsonNode.Parse("""{"a":1}"""), logger);
        var text = code.Replace("FILE", file, StringComparison.Ordinal);

        string seen;
        try
        {
            var result = await runner.RunAsync(SnippetKind.Script, text, scope, CancellationToken.None);
            seen = result?.ToJsonString() ?? "";
        }
        catch (ServicesSyncException ex)
        {
            seen = ex.ToString();
        }

        var diagnostics = string.Join("\n", runner.Check(SnippetKind.Script, text).Select(d => d.Message));
        Assert.DoesNotContain(canary, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, logger.AllText(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        File.Delete(file);
    }
}
