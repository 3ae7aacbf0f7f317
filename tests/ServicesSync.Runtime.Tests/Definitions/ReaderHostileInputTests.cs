using System.Text;
using ServicesSync.Definitions;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;

namespace ServicesSync.Runtime.Tests.Definitions;

/// <summary>Whatever arrives, the reader answers with a clean problem and never throws.</summary>
public sealed class ReaderHostileInputTests
{
    private static readonly string SixMegabytes = $$"""{ "schemaVersion": 1, "id": "big", "name": "Big", "description": "{{new string('x', 6 * 1024 * 1024)}}" }""";

    [Fact]
    public void Read_SixMegabyteText_IsRefusedAsTooLarge()
    {
        var result = WorkflowDefinitionReader.Read(SixMegabytes);

        var problem = ProblemAssert.Single(result.Problems, ProblemCodes.DefinitionTooLarge, "", activityId: null);
        Assert.Equal("the definition is 6 MB; the largest accepted is 5 MB", problem.Message);
        Assert.Single(result.Problems);
        Assert.Null(result.Definition);
    }

    [Fact]
    public void Read_SixMegabyteBytes_IsRefusedAsTooLarge()
    {
        var result = WorkflowDefinitionReader.Read(Encoding.UTF8.GetBytes(SixMegabytes));

        Assert.Equal(ProblemCodes.DefinitionTooLarge, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Read_TextJustOverTheLimitInBytesButNotInCharacters_IsRefused()
    {
        // 'é' takes two UTF-8 bytes: fewer characters than the limit, more bytes.
        var json = $$"""{ "description": "{{new string('é', (WorkflowDefinitionReader.MaxDefinitionBytes / 2) + 10)}}" }""";

        var result = WorkflowDefinitionReader.Read(json);

        Assert.Equal(ProblemCodes.DefinitionTooLarge, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task ReadAsync_SixMegabyteStream_StopsAtTheLimit()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(SixMegabytes));

        var result = await WorkflowDefinitionReader.ReadAsync(stream);

        Assert.Equal(ProblemCodes.DefinitionTooLarge, Assert.Single(result.Problems).Code);
        Assert.True(stream.Position <= WorkflowDefinitionReader.MaxDefinitionBytes + 81920, "the stream was read past the limit");
    }

    [Theory]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public void Read_TenThousandLevelsOfNesting_IsRefusedAsTooDeep(char open, char close)
    {
        var json = open == '['
            ? new string('[', 10_000) + new string(']', 10_000)
            : string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);

        var result = WorkflowDefinitionReader.Read(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.TooDeep, problem.Code);
        Assert.Equal(WorkflowDefinitionReader.MaxDepth, problem.Path.Count(c => c == '/'));
        Assert.Equal(close == ']' ? "/0" : "/a", problem.Path[..2]);
    }

    [Fact]
    public void Read_InvalidUtf8_ReportsWhereTheBadByteIs()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"name\": \"caf#\"\n}");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC3; // a lead byte without its continuation byte

        var result = WorkflowDefinitionReader.Read(bytes);

        var problem = ProblemAssert.Single(result.Problems, ProblemCodes.InvalidUtf8, "", activityId: null);
        Assert.Contains("line 2, column 15", problem.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Read_Latin1EncodedFile_IsReportedAsNotUtf8()
    {
        var bytes = Encoding.Latin1.GetBytes("""{ "schemaVersion": 1, "id": "wf", "name": "Müller" }""");

        var result = WorkflowDefinitionReader.Read(bytes);

        Assert.Equal(ProblemCodes.InvalidUtf8, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Read_DuplicateKeys_AreReportedNotSilentlyMerged()
    {
        var result = WorkflowDefinitionReader.Read("""{ "schemaVersion": 1, "id": "a", "id": "b", "name": "n" }""");

        var problem = ProblemAssert.Single(result.Problems, ProblemCodes.DuplicateProperty, "/id", activityId: null);
        Assert.Contains("'id'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("line 1, column 34", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Definition);
    }

    [Theory]
    [InlineData("[ { \"schemaVersion\": 1 } ]", "a list")]
    [InlineData("\"workflow\"", "text")]
    [InlineData("42", "a whole number")]
    [InlineData("null", "null")]
    public void Read_RootThatIsNotAnObject_SaysWhatItHolds(string json, string holds)
    {
        var result = WorkflowDefinitionReader.Read(json);

        var problem = ProblemAssert.Single(result.Problems, ProblemCodes.NotAnObject, "", activityId: null);
        Assert.EndsWith($"this text holds {holds}", problem.Message, StringComparison.Ordinal);
        Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("\uFEFF")]
    public void Read_EmptyText_IsReportedAsEmpty(string json)
    {
        var result = WorkflowDefinitionReader.Read(json);

        ProblemAssert.Single(result.Problems, ProblemCodes.DefinitionEmpty, "", activityId: null);
        Assert.Null(result.Definition);
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 1, } ")]
    [InlineData("{ /* comment */ \"schemaVersion\": 1 }")]
    [InlineData("{ 'schemaVersion': 1 }")]
    [InlineData("{ \"schemaVersion\": 1 } { }")]
    [InlineData("{ \"a\": NaN }")]
    [InlineData("\0\0\0")]
    public void Read_NotQuiteJson_IsASyntaxError(string json)
    {
        var result = WorkflowDefinitionReader.Read(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.JsonSyntax, problem.Code);
        Assert.StartsWith("the JSON is not valid at line 1, column ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThousandsOfSchemaProblems_ListsTheFirstAndSaysThereAreMore()
    {
        var extra = string.Join(", ", Enumerable.Range(0, 2000).Select(i => $"\"k{i}\": {i}"));

        var result = WorkflowDefinitionReader.Read($$"""{ "schemaVersion": 1, "id": "wf", "name": "n", {{extra}} }""");

        Assert.Equal(WorkflowDefinitionReader.MaxSchemaProblems + 1, result.Problems.Count);
        ProblemAssert.Single(result.Problems, ProblemCodes.TooManyProblems, "", activityId: null);
        Assert.Equal(WorkflowDefinitionReader.MaxSchemaProblems, result.Problems.Count(p => p.Code == ProblemCodes.UnknownProperty));
    }

    [Fact]
    public void Read_LoneSurrogateInText_DoesNotThrow()
    {
        var result = WorkflowDefinitionReader.Read("{ \"schemaVersion\": 1, \"id\": \"wf\", \"name\": \"\uD800\" }");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal("\uFFFD", result.Definition.Name);
    }
}
