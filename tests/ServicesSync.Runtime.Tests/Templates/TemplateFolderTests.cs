using System.Text.Json.Nodes;
using ServicesSync.Templates;
using ServicesSync.Testing.Persistence;

namespace ServicesSync.Runtime.Tests.Templates;

public sealed class TemplateFolderTests : IDisposable
{
    private const string Workflow = """
        {
          "schemaVersion": 1, "id": "time-to-erp", "name": "Approved time to ERP",
          "variables": { "roundingMinutes": 15 },
          "activities": [
            { "id": "start", "type": "core.manual" },
            { "id": "post", "type": "http.request", "inputs": { "url": "https://example.invalid" } }
          ],
          "connections": [ { "from": "start", "to": "post" } ]
        }
        """;

    private const string Manifest = """
        {
          "templateVersion": 1,
          "title": "Approved time to ERP",
          "parameters": [
            { "name": "erpUrl", "title": "ERP endpoint", "kind": "string", "targets": [ { "activity": "post", "input": "url" } ] },
            { "name": "rateCard", "title": "Rate card", "kind": "json", "targets": [ { "variable": "rateCard" } ] },
            { "name": "roundingMinutes", "title": "Rounding", "kind": "number", "default": 15, "targets": [ { "variable": "roundingMinutes" } ] }
          ]
        }
        """;

    private readonly TempDirectory folder = new();

    [Fact]
    public void Instantiate_WithEveryRequiredParameter_WritesThemIntoInputsAndVariables()
    {
        var template = Write(Manifest);

        var instance = template.Instantiate(new Dictionary<string, string>
        {
            ["erpUrl"] = "https://erp.example.com/timebills",
            ["rateCard"] = """{ "id": "standard-2026" }""",
            ["roundingMinutes"] = "6",
        });

        Assert.True(instance.Succeeded, string.Join("; ", instance.Problems));
        var workflow = JsonNode.Parse(instance.WorkflowJson!)!;
        Assert.Equal("https://erp.example.com/timebills", workflow["activities"]![1]!["inputs"]!["url"]!.GetValue<string>());
        Assert.Equal("standard-2026", workflow["variables"]!["rateCard"]!["id"]!.GetValue<string>());
        Assert.Equal(6m, workflow["variables"]!["roundingMinutes"]!.GetValue<decimal>());
    }

    [Fact]
    public void Instantiate_MissingRequiredParameters_NamesEachAndHowToPassIt()
    {
        var template = Write(Manifest);

        var instance = template.Instantiate(new Dictionary<string, string>());

        Assert.False(instance.Succeeded);
        Assert.Equal(2, instance.Problems.Count);
        Assert.Contains(instance.Problems, p => p.Contains("needs parameter 'erpUrl'", StringComparison.Ordinal) && p.Contains("--param erpUrl=", StringComparison.Ordinal));
        Assert.Contains(instance.Problems, p => p.Contains("needs parameter 'rateCard'", StringComparison.Ordinal));
    }

    [Fact]
    public void Instantiate_UnknownParameterOrBadValue_IsRefused()
    {
        var template = Write(Manifest);

        var instance = template.Instantiate(new Dictionary<string, string>
        {
            ["erpUrl"] = "https://erp.example.com",
            ["rateCard"] = "{ not json",
            ["roundingMinutes"] = "quarter",
            ["colour"] = "blue",
        });

        Assert.False(instance.Succeeded);
        Assert.Contains(instance.Problems, p => p.Contains("no parameter 'colour'", StringComparison.Ordinal));
        Assert.Contains(instance.Problems, p => p.Contains("'rateCard' must be JSON", StringComparison.Ordinal));
        Assert.Contains(instance.Problems, p => p.Contains("'roundingMinutes' must be a number", StringComparison.Ordinal));
    }

    [Fact]
    public void Instantiate_EachProblem_NamesItsParameterAndCode_AndKeepsTheCommandLineHintApart()
    {
        var template = Write(Manifest);

        var instance = template.Instantiate(new Dictionary<string, string> { ["roundingMinutes"] = "quarter", ["colour"] = "blue" });

        Assert.Equal(
            [("colour", TemplateProblemCodes.Unknown), ("erpUrl", TemplateProblemCodes.Missing), ("rateCard", TemplateProblemCodes.Missing), ("roundingMinutes", TemplateProblemCodes.WrongKind)],
            instance.Details.Select(d => (d.Parameter, d.Code)).Order());
        var missing = instance.Details.Single(d => d.Parameter == "erpUrl");
        Assert.DoesNotContain("--param", missing.Message, StringComparison.Ordinal);
        Assert.Equal("pass --param erpUrl=<value>", missing.Hint);
    }

    [Fact]
    public void Instantiate_TargetMissingFromTheWorkflow_IsReported()
    {
        var template = Write("""
            { "title": "x", "parameters": [ { "name": "conn", "title": "Connection", "kind": "connection", "connectionType": "netsuite",
              "targets": [ { "activity": "nope", "input": "connection" } ] } ] }
            """);

        var instance = template.Instantiate(new Dictionary<string, string> { ["conn"] = "netsuite-prod" });

        Assert.Contains(instance.Problems, p => p.Contains("input 'connection' of activity 'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ManifestForANewerTemplateVersion_IsRefusedWithAClearMessage()
    {
        var error = Assert.Throws<TemplateException>(() => Write("""{ "templateVersion": 2, "title": "future" }"""));

        Assert.Contains("templateVersion 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade ServicesSync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManifestWithAnUnknownField_IsRefused()
    {
        Assert.Throws<TemplateException>(() => Write("""{ "title": "x", "secrets": { "password": "hunter2" } }"""));
    }

    [Fact]
    public void Read_WithoutAManifest_HasNoParametersAndRefusesAnyGiven()
    {
        File.WriteAllText(Path.Combine(folder.Path, TemplateFolder.WorkflowFile), Workflow);
        var template = TemplateFolder.Read(folder.Path);

        var instance = template.Instantiate(new Dictionary<string, string> { ["x"] = "1" });

        Assert.Empty(template.Manifest.Parameters);
        Assert.Contains(instance.Problems, p => p.Contains("has no parameters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"netsuite","auth":{"tokenSecret":"s3cr3t-value"}}""")]
    [InlineData("https://admin:s3cr3t-value@erp.example.com/")]
    [InlineData("Bearer s3cr3t-value")]
    public void Instantiate_ConnectionParameterGivenSettingsOrCredentials_IsRefusedWithoutQuotingThem(string value)
    {
        var template = Write("""
            { "title": "x", "parameters": [ { "name": "erpConnection", "title": "ERP", "kind": "connection", "connectionType": "netsuite",
              "targets": [ { "activity": "post", "input": "connection" } ] } ] }
            """);

        var instance = template.Instantiate(new Dictionary<string, string> { ["erpConnection"] = value });

        Assert.False(instance.Succeeded);
        var problem = Assert.Single(instance.Details);
        Assert.Equal((TemplateProblemCodes.WrongKind, "erpConnection"), (problem.Code, problem.Parameter));
        Assert.Contains("must be the id of a netsuite connection", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Instantiate_JsonParameterThatIsNotJson_NamesLineAndPosition()
    {
        var template = Write(Manifest);

        var instance = template.Instantiate(new Dictionary<string, string> { ["erpUrl"] = "https://erp.example.com", ["rateCard"] = "{ not json" });

        Assert.Equal(
            "parameter 'rateCard' must be JSON; it is not valid at line 1, position 3: 'n' is an invalid start of a property name. Expected a '\"'.",
            Assert.Single(instance.Problems));
    }

    public void Dispose() => folder.Dispose();

    private TemplateFolder Write(string manifest)
    {
        File.WriteAllText(Path.Combine(folder.Path, TemplateFolder.WorkflowFile), Workflow);
        File.WriteAllText(Path.Combine(folder.Path, TemplateFolder.ManifestFile), manifest);
        return TemplateFolder.Read(folder.Path);
    }
}
