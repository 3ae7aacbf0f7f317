using System.Text.Json.Nodes;

namespace ServicesSync.Scripting.Tests;

/// <summary>The same mapping written in JavaScript and in C# produces the same JSON.</summary>
public sealed class EquivalenceTests
{
    private const string JavaScriptMapping = """
        return {
          workerId: input.author.accountId,
          name: input.author.displayName,
          seconds: input.timeSpentSeconds,
          hours: input.timeSpentSeconds / 3600,
          billable: input.billable === true,
          amount: input.amount,
          externalId: input.externalId,
          started: input.started,
          comment: input.comment,
          tags: input.tags.map(t => t.toUpperCase()),
          rateCard: vars.rateCardId,
        };
        """;

    private const string CSharpMapping = """
        return new JsonObject
        {
            ["workerId"] = Input["author"]["accountId"]?.DeepClone(),
            ["name"] = Input["author"]["displayName"]?.DeepClone(),
            ["seconds"] = Input["timeSpentSeconds"]?.DeepClone(),
            ["hours"] = (double)Input["timeSpentSeconds"] / 3600,
            ["billable"] = Input["billable"] is JsonValue b && b.GetValueKind() == System.Text.Json.JsonValueKind.True,
            ["amount"] = Input["amount"]?.DeepClone(),
            ["externalId"] = Input["externalId"]?.DeepClone(),
            ["started"] = Input["started"]?.DeepClone(),
            ["comment"] = Input["comment"]?.DeepClone(),
            ["tags"] = new JsonArray(Input["tags"].AsArray().Select(t => (JsonNode)JsonValue.Create(((string)t).ToUpperInvariant())).ToArray()),
            ["rateCard"] = Vars["rateCardId"],
        };
        """;

    public static TheoryData<string> Inputs() =>
    [
        """{"author":{"accountId":"a-1","displayName":"Zoë Ångström"},"timeSpentSeconds":5400,"billable":true,"amount":1234.50,"externalId":123456789012345678901234567890,"started":"2026-03-29T01:30:00+05:45","comment":"😀 astral","tags":["ops","ω"],"note":"straße"}""",
        """{"author":{"accountId":"a-2","displayName":null},"timeSpentSeconds":1,"billable":false,"amount":0.1,"externalId":9007199254740993,"started":"2026-01-05T09:00:00Z","comment":null,"tags":[]}""",
        """{"author":{"accountId":"日本","displayName":"\u0000 control"},"timeSpentSeconds":0,"billable":"yes","amount":-0.0000001,"externalId":-42,"started":"2026-12-31T23:59:59.9999999-12:00","comment":"line\nbreak \"quoted\"","tags":["x"]}""",
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Mapping_InBothLanguages_ProducesIdenticalJson(string input)
    {
        var fromJavaScript = ScriptHarness.JavaScript().Run(JavaScriptMapping, JsonNode.Parse(input));
        var fromCSharp = ScriptHarness.CSharp().Run(CSharpMapping, JsonNode.Parse(input));

        Assert.Equal(fromJavaScript!.ToJsonString(), fromCSharp!.ToJsonString());
        Assert.Equal(JsonNode.Parse(input)!["externalId"]!.ToJsonString(), fromJavaScript["externalId"]!.ToJsonString());
    }

    [Fact]
    public void Dates_ReturnedAsValues_AreSpelledTheSameWay()
    {
        var fromJavaScript = ScriptHarness.JavaScript().Run("return [ctx.now, new Date(Date.UTC(2026, 0, 5, 9, 30, 15, 250))];");
        var fromCSharp = ScriptHarness.CSharp().Run("return new object[] { Ctx.Now, new DateTimeOffset(2026, 1, 5, 9, 30, 15, 250, TimeSpan.Zero) };");

        Assert.Equal("""["2026-01-05T09:00:00Z","2026-01-05T09:30:15.25Z"]""", fromJavaScript!.ToJsonString());
        Assert.Equal(fromJavaScript.ToJsonString(), fromCSharp!.ToJsonString());
    }
}
