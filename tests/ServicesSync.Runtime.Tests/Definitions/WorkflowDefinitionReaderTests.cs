using System.Text;
using ServicesSync.Definitions;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;

namespace ServicesSync.Runtime.Tests.Definitions;

public sealed class WorkflowDefinitionReaderTests
{
    private const string Header = """ "schemaVersion": 1, "id": "wf", "name": "Workflow" """;

    [Fact]
    public void Read_ValidDefinition_ReturnsTheDefinitionWithoutProblems()
    {
        var result = WorkflowDefinitionReader.Read(TestWorkflows.DesignExampleJson);

        Assert.True(result.Succeeded);
        ProblemAssert.Empty(result.Problems);
        Assert.Equal("approved-time-to-billing", result.Definition.Id);
        Assert.Equal(5, result.Definition.Activities.Count);
        var post = result.Definition.FindActivity("post")!;
        Assert.Equal(5, post.Retry!.MaxAttempts);
        Assert.Equal(BackoffKind.Exponential, post.Retry.Backoff);
        Assert.Equal(TimeSpan.FromSeconds(2), post.Retry.InitialDelay);
        Assert.Equal("valid", result.Definition.Connections[2].Outcome);
        Assert.Null(result.Definition.Connections[0].Outcome);
    }

    [Fact]
    public void Read_SyntaxError_ReportsLineAndColumnAndWhereInTheDocument()
    {
        var json = "{\n  \"schemaVersion\": 1,\n  \"activities\": [\n    { \"id\": \"a\" \"type\": \"x.y\" }\n  ]\n}";

        var result = WorkflowDefinitionReader.Read(json);

        var problem = ProblemAssert.Single(result.Problems, ProblemCodes.JsonSyntax, "/activities/0", activityId: null);
        Assert.Contains("line 4, column 17", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Definition);
    }

    [Fact]
    public void Read_ColumnAfterNonAsciiText_CountsCharactersNotBytes()
    {
        var result = WorkflowDefinitionReader.Read("{\"name\": \"Zürich\" x}");

        Assert.Contains("line 1, column 19", ProblemAssert.Single(result.Problems, ProblemCodes.JsonSyntax).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedText_SaysTheTextEndsTooEarly()
    {
        var result = WorkflowDefinitionReader.Read("{ \"schemaVersion\": 1, \"activities\": [ { \"id\": \"a\" }");

        Assert.Contains("ends before", ProblemAssert.Single(result.Problems, ProblemCodes.JsonSyntax).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateKeys_ReportsEachWithItsPathAndActivity()
    {
        var json = $$"""
            { {{Header}}, "name": "Again",
              "activities": [ { "id": "hook", "type": "test.trigger", "type": "test.task" } ] }
            """;

        var result = WorkflowDefinitionReader.Read(json);

        var rootDuplicate = Assert.Single(result.Problems, p => p.Path == "/name");
        Assert.Equal(ProblemCodes.DuplicateProperty, rootDuplicate.Code);
        Assert.Contains("'name'", rootDuplicate.Message, StringComparison.Ordinal);
        var activityDuplicate = Assert.Single(result.Problems, p => p.Path == "/activities/0/type");
        Assert.Equal(ProblemCodes.DuplicateProperty, activityDuplicate.Code);
        Assert.Equal("hook", activityDuplicate.ActivityId);
        Assert.Contains("line 2, column 59", activityDuplicate.Message, StringComparison.Ordinal);
        Assert.Null(result.Definition);
    }

    [Fact]
    public void Read_NestingDeeperThanTheLimit_IsRefused()
    {
        var inputs = string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70));
        var json = $$"""{ {{Header}}, "variables": { "deep": {{inputs}} } }""";

        var result = WorkflowDefinitionReader.Read(json);

        var problem = ProblemAssert.Single(result.Problems, ProblemCodes.TooDeep);
        Assert.StartsWith("/variables/deep/0/0", problem.Path, StringComparison.Ordinal);
        Assert.Contains($"{WorkflowDefinitionReader.MaxDepth} levels", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestingAtTheLimit_IsAccepted()
    {
        // Root object (1) + variables (2) + value: 62 more levels reach exactly the limit.
        var value = string.Concat(Enumerable.Repeat("[", WorkflowDefinitionReader.MaxDepth - 2)) + string.Concat(Enumerable.Repeat("]", WorkflowDefinitionReader.MaxDepth - 2));
        var json = $$"""{ {{Header}}, "variables": { "deep": {{value}} } }""";

        var result = WorkflowDefinitionReader.Read(json);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Read_SchemaVersionMissing_ReportsItAndTheOtherProblems()
    {
        var result = WorkflowDefinitionReader.Read("""{ "id": "wf", "name": "", "colour": "red" }""");

        var missing = ProblemAssert.Single(result.Problems, ProblemCodes.SchemaVersionMissing, "/schemaVersion", activityId: null);
        Assert.Contains("schemaVersion 1", missing.Message, StringComparison.Ordinal);
        ProblemAssert.Single(result.Problems, ProblemCodes.UnknownProperty, "/colour", activityId: null);
        ProblemAssert.Single(result.Problems, ProblemCodes.InvalidLength, "/name", activityId: null);
        Assert.DoesNotContain(result.Problems, p => p.Code == ProblemCodes.MissingProperty);
    }

    [Theory]
    [InlineData("7", "schemaVersion 7 is not supported; this runtime reads schemaVersion 1")]
    [InlineData("\"1\"", "schemaVersion '1' is not supported; this runtime reads schemaVersion 1")]
    [InlineData("0", "schemaVersion 0 is not supported; this runtime reads schemaVersion 1")]
    public void Read_UnsupportedSchemaVersion_ReportsOnlyThat(string version, string message)
    {
        // Everything else is wrong too, but a newer format cannot be judged by this one's rules.
        var json = $$"""{ "schemaVersion": {{version}}, "id": "not valid!", "steps": [], "activities": 5 }""";

        var result = WorkflowDefinitionReader.Read(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.SchemaVersionUnsupported, problem.Code);
        Assert.Equal("/schemaVersion", problem.Path);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Read_UnknownProperty_NamesItSuggestsTheClosestAndResolvesTheActivity()
    {
        var json = $$"""
            { {{Header}}, "descripton": "typo",
              "activities": [ { "id": "hook", "type": "test.trigger", "imputs": {} } ] }
            """;

        var result = WorkflowDefinitionReader.Read(json);

        var root = ProblemAssert.Single(result.Problems.Where(p => p.Path == "/descripton"), ProblemCodes.UnknownProperty);
        Assert.Equal("unknown property 'descripton'; did you mean 'description'?", root.Message);
        var inActivity = ProblemAssert.Single(result.Problems.Where(p => p.Path == "/activities/0/imputs"), ProblemCodes.UnknownProperty);
        Assert.Equal("hook", inActivity.ActivityId);
        Assert.Equal("unknown property 'imputs'; did you mean 'inputs'?", inActivity.Message);
    }

    [Fact]
    public void Read_MissingRequiredProperties_ReportsEachAtItsPlace()
    {
        var json = """
            { "schemaVersion": 1,
              "activities": [ { "id": "hook" } ],
              "connections": [ { "from": "hook" } ] }
            """;

        var result = WorkflowDefinitionReader.Read(json);

        var required = result.Problems.Where(p => p.Code == ProblemCodes.MissingProperty).ToList();
        Assert.Equal(["/activities/0/type", "/connections/0/to", "/id", "/name"], required.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains(required, p => p.Message == "missing required property 'name'");
        Assert.Equal("hook", required.Single(p => p.Path == "/activities/0/type").ActivityId);
    }

    [Fact]
    public void Read_WrongType_SaysWhatWasExpectedAndFound()
    {
        var json = $$"""{ {{Header}}, "version": 1.5, "activities": [ { "id": "a", "type": "test.task", "timeout": 30 } ] }""";

        var result = WorkflowDefinitionReader.Read(json);

        var version = ProblemAssert.Single(result.Problems.Where(p => p.Path == "/version"), ProblemCodes.WrongType);
        Assert.Equal("version must be a whole number, not a decimal number", version.Message);
        var timeout = ProblemAssert.Single(result.Problems.Where(p => p.Path == "/activities/0/timeout"), ProblemCodes.WrongType);
        Assert.Equal("a", timeout.ActivityId);
        Assert.Contains("must be text (an ISO 8601 duration", timeout.Message, StringComparison.Ordinal);
        Assert.EndsWith("not a whole number", timeout.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/id", """ "id": "has space" """, "workflow id 'has space' is not valid; expected letters, digits")]
    [InlineData("/activities/0/type", """ "activities": [ { "id": "a", "type": "Core.Script" } ] """, "activity type 'Core.Script' is not valid; expected family.camelCaseName")]
    [InlineData("/activities/0/id", """ "activities": [ { "id": "-a", "type": "core.script" } ] """, "activity id '-a' is not valid; expected letters, digits")]
    [InlineData("/activities/0/timeout", """ "activities": [ { "id": "a", "type": "core.script", "timeout": "30 seconds" } ] """, "timeout '30 seconds' is not valid; expected an ISO 8601 duration")]
    [InlineData("/connections/0/to", """ "connections": [ { "from": "a", "to": "b/c" } ] """, "to 'b/c' is not valid; expected letters, digits")]
    public void Read_TextNotInTheExpectedForm_DescribesTheForm(string path, string fragment, string messageStart)
    {
        var json = $$"""{ "schemaVersion": 1, "name": "n", {{(fragment.Contains("\"id\": \"has", StringComparison.Ordinal) ? "" : "\"id\": \"wf\",")}} {{fragment}} }""";

        var result = WorkflowDefinitionReader.Read(json);

        var problem = ProblemAssert.Single(result.Problems, ProblemCodes.InvalidFormat);
        Assert.Equal(path, problem.Path);
        Assert.StartsWith(messageStart, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ValueOutsideAnEnum_ListsTheAllowedValues()
    {
        var json = $$"""
            { {{Header}}, "activities": [ { "id": "post", "type": "erp.postTimeEntry",
              "retry": { "backoff": "fast", "retryOn": ["transient", "sometimes"], "maxAttempts": 500 } } ] }
            """;

        var result = WorkflowDefinitionReader.Read(json);

        var backoff = ProblemAssert.Single(result.Problems.Where(p => p.Path == "/activities/0/retry/backoff"), ProblemCodes.ValueNotAllowed);
        Assert.Equal("backoff 'fast' is not one of: constant, linear, exponential", backoff.Message);
        Assert.Equal("post", backoff.ActivityId);
        var kind = ProblemAssert.Single(result.Problems.Where(p => p.Path == "/activities/0/retry/retryOn/1"), ProblemCodes.ValueNotAllowed);
        Assert.Contains("transient, timeout, permanent, validation, configuration, cancelled, internal", kind.Message, StringComparison.Ordinal);
        var attempts = ProblemAssert.Single(result.Problems, ProblemCodes.OutOfRange, "/activities/0/retry/maxAttempts", "post");
        Assert.Equal("maximum attempts must be at most 100, not 500", attempts.Message);
    }

    [Fact]
    public void Read_RepeatedRetryKinds_AreReported()
    {
        var json = $$"""{ {{Header}}, "activities": [ { "id": "a", "type": "x.y", "retry": { "retryOn": ["timeout", "timeout"] } } ] }""";

        var result = WorkflowDefinitionReader.Read(json);

        ProblemAssert.Single(result.Problems, ProblemCodes.DuplicateItem, "/activities/0/retry/retryOn", "a");
    }

    [Fact]
    public void Read_MalformedExpressionObject_IsReportedAtTheExpression()
    {
        var json = $$"""
            { {{Header}}, "activities": [ { "id": "a", "type": "test.task", "inputs": {
                "message": { "expression": { "language": "fake" } },
                "count": { "expression": { "language": "fake", "code": "1", "extra": true } },
                "payload": { "expression": "not an object" } } } ] }
            """;

        var result = WorkflowDefinitionReader.Read(json);

        ProblemAssert.Single(result.Problems, ProblemCodes.MissingProperty, "/activities/0/inputs/message/expression/code", "a");
        ProblemAssert.Single(result.Problems, ProblemCodes.UnknownProperty, "/activities/0/inputs/count/expression/extra", "a");
        ProblemAssert.Single(result.Problems, ProblemCodes.WrongType, "/activities/0/inputs/payload/expression", "a");
    }

    [Fact]
    public void Read_LiteralObjectsWithOtherKeys_AreNotTreatedAsExpressions()
    {
        var json = $$"""
            { {{Header}}, "activities": [ { "id": "a", "type": "test.task", "inputs": {
                "payload": { "expression": 1, "and": "more" }, "headers": { "language": 5 } } } ] }
            """;

        var result = WorkflowDefinitionReader.Read(json);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Read_DurationTooLongForTheModel_IsReportedNotThrown()
    {
        var json = $$"""{ {{Header}}, "activities": [ { "id": "a", "type": "x.y", "timeout": "P99999999999D" } ] }""";

        var result = WorkflowDefinitionReader.Read(json);

        var problem = ProblemAssert.Single(result.Problems, ProblemCodes.InvalidValue, "/activities/0/timeout", "a");
        Assert.Contains("ISO 8601", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ByteOrderMark_IsIgnored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TestWorkflows.DesignExampleJson)).ToArray();

        var result = WorkflowDefinitionReader.Read(bytes);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Fact]
    public async Task ReadAsync_Stream_ReadsLikeText()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(TestWorkflows.DesignExampleJson));

        var result = await WorkflowDefinitionReader.ReadAsync(stream);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal("Approved time to billing", result.Definition.Name);
    }

    [Fact]
    public void SchemaJson_IsTheEmbeddedSchemaOfVersionOne()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(WorkflowDefinitionReader.SchemaJson);

        Assert.Equal("https://servicessync.dev/schemas/workflow/1.json", schema.RootElement.GetProperty("$id").GetString());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
    }
}
