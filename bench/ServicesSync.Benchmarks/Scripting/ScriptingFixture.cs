using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using ServicesSync.Expressions;
using ServicesSync.Scripting;
using ServicesSync.Scripting.CrossReferences;
using ServicesSync.Scripting.CSharp;
using ServicesSync.Scripting.JavaScript;

namespace ServicesSync.Benchmarks.Scripting;

/// <summary>The 10-field mapping of the issue, in both languages and by hand, and its inputs.</summary>
internal static class ScriptingFixture
{
    public const string JavaScriptMapping = """
        return {
          workerId: input.author.accountId,
          name: input.author.displayName,
          email: input.author.email,
          issue: input.issueKey,
          seconds: input.timeSpentSeconds,
          hours: input.timeSpentSeconds / 3600,
          started: input.started,
          billable: input.billable,
          comment: input.comment,
          rateCard: vars.rateCardId,
        };
        """;

    public const string CSharpMapping = """
        var author = Input["author"];
        return new JsonObject
        {
            ["workerId"] = author["accountId"]?.DeepClone(),
            ["name"] = author["displayName"]?.DeepClone(),
            ["email"] = author["email"]?.DeepClone(),
            ["issue"] = Input["issueKey"]?.DeepClone(),
            ["seconds"] = Input["timeSpentSeconds"]?.DeepClone(),
            ["hours"] = (double)Input["timeSpentSeconds"] / 3600,
            ["started"] = Input["started"]?.DeepClone(),
            ["billable"] = Input["billable"]?.DeepClone(),
            ["comment"] = Input["comment"]?.DeepClone(),
            ["rateCard"] = Vars["rateCardId"],
        };
        """;

    public static readonly Dictionary<string, JsonNode?> Variables = new() { ["rateCardId"] = "standard-2026" };

    public static JsonNode Record(int i) => JsonNode.Parse($$$"""
        {"author":{"accountId":"acc-{{{i}}}","displayName":"Zoë Worker {{{i}}}","email":"w{{{i}}}@example.com"},
         "issueKey":"PRJ-{{{i}}}","timeSpentSeconds":{{{3600 + i}}},"started":"2026-01-05T09:00:00+01:00",
         "billable":true,"comment":"Worked on {{{i}}}","extra":{"ignored":[1,2,3]}}
        """)!;

    public static JsonObject HandWritten(JsonNode input, IReadOnlyDictionary<string, JsonNode?> vars)
    {
        var author = input["author"]!;
        return new JsonObject
        {
            ["workerId"] = author["accountId"]?.DeepClone(),
            ["name"] = author["displayName"]?.DeepClone(),
            ["email"] = author["email"]?.DeepClone(),
            ["issue"] = input["issueKey"]?.DeepClone(),
            ["seconds"] = input["timeSpentSeconds"]?.DeepClone(),
            ["hours"] = (double)input["timeSpentSeconds"]! / 3600,
            ["started"] = input["started"]?.DeepClone(),
            ["billable"] = input["billable"]?.DeepClone(),
            ["comment"] = input["comment"]?.DeepClone(),
            ["rateCard"] = vars["rateCardId"]?.DeepClone(),
        };
    }

    public static ExpressionScope Scope(JsonNode input) => new()
    {
        Input = input,
        Variables = Variables,
        WorkflowId = "bench",
        InstanceId = "instance",
        ActivityId = "map",
    };

    public static ScriptingOptions Options(string? cacheDirectory = null) => new()
    {
        CSharpCacheDirectory = cacheDirectory,
        Limits = new ScriptLimits { Timeout = TimeSpan.FromSeconds(30) },
    };

    public static JavaScriptRunner JavaScript() => new(Options(), UnavailableCrossReferences.Instance, NullLoggerFactory.Instance);

    public static CSharpRunner CSharp(ScriptingOptions? options = null) => new(options ?? Options(), UnavailableCrossReferences.Instance, NullLoggerFactory.Instance);
}
