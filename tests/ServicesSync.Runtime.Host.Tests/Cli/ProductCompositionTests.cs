using System.Text.Json;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Cli;

/// <summary>What the product composition wires together across libraries, seen through <c>servicessync run</c>.</summary>
public sealed class ProductCompositionTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public async Task CSharpSnippet_MayBuildAndReturnCanonicalEntities_InTheirOwnJsonSpelling()
    {
        var workflow = folder.WriteFile("money.json", Snippet("csharp", """
            var hours = (decimal)Input["seconds"] / 3600m;
            return new ServicesSync.Canonical.Money(hours * 120m, "EUR");
            """));
        var input = folder.WriteFile("input.json", """{ "seconds": 5400 }""");

        var result = await CliRunner.RunAsync("run", workflow, "--input", input);

        result.AssertExit(ExitCodes.Ok);
        var money = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(180m, money.GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", money.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task JavaScriptSnippet_LooksUpCrossReferencesInTheStore()
    {
        var workflow = folder.WriteFile("xref.json", $$"""
            {
              "schemaVersion": 1, "id": "xref", "name": "Cross-reference from a snippet",
              "activities": [
                { "id": "start", "type": "core.manual" },
                { "id": "hr", "type": "xref.link", "inputs": { "entityType": "worker", "canonicalId": "W-1", "system": "bamboohr", "id": "77" } },
                { "id": "erp", "type": "xref.link", "inputs": { "entityType": "worker", "canonicalId": "W-1", "system": "netsuite", "id": "1042" } },
                { "id": "find", "type": "core.script", "inputs": { "language": "javascript",
                  "code": "return { erpId: ctx.xref.find('worker', 'bamboohr', '77', 'netsuite') };" } }
              ],
              "connections": [
                { "from": "start", "to": "hr" },
                { "from": "hr", "outcome": "linked", "to": "erp" },
                { "from": "erp", "outcome": "linked", "to": "find" }
              ]
            }
            """);

        var result = await CliRunner.RunAsync("run", workflow);

        result.AssertExit(ExitCodes.Ok);
        Assert.Equal("1042", JsonDocument.Parse(result.Output).RootElement.GetProperty("erpId").GetString());
    }

    public void Dispose() => folder.Dispose();

    private static string Snippet(string language, string code) => JsonSerializer.Serialize(new
    {
        schemaVersion = 1,
        id = "snippet",
        name = "Snippet",
        activities = new object[]
        {
            new { id = "start", type = "core.manual" },
            new { id = "map", type = "core.script", inputs = new { language, code } },
        },
        connections = new[] { new { from = "start", to = "map" } },
    });
}
