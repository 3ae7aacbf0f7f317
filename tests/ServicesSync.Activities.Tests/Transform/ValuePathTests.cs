using System.Text.Json.Nodes;
using ServicesSync.Activities.Transform;

namespace ServicesSync.Activities.Tests.Transform;

public class ValuePathTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""
        {
          "a": { "b": 1 },
          "items": [ { "id": "x" }, { "id": "y" } ],
          "matrix": [[1, 2], [3, 4]],
          "dotted.key": true,
          "first-name": "Zoë",
          "nothing": null
        }
        """)!;

    [Theory]
    [InlineData("root.a.b", "1")]
    [InlineData("root.items[1].id", "\"y\"")]
    [InlineData("root.matrix[1][0]", "3")]
    [InlineData("root[\"dotted.key\"]", "true")]
    [InlineData("root['dotted.key']", "true")]
    [InlineData("root.first-name", "\"Zoë\"")]
    [InlineData("root.a", """{ "b": 1 }""")]
    public void Resolve_ExistingPath_ReturnsTheValue(string path, string expected)
    {
        Assert.True(ValuePath.TryParse(path, out var parsed, out var error), error);

        Assert.True(ValuePath.TryResolve(Document, parsed.Segments.Skip(1), out var value));
        JsonAssert.Equal(expected, value);
    }

    [Theory]
    [InlineData("root.missing")]
    [InlineData("root.a.b.c")]
    [InlineData("root.items[2]")]
    [InlineData("root.a[0]")]
    [InlineData("root.items.id")]
    public void Resolve_MissingPath_ReportsNotFound(string path)
    {
        Assert.True(ValuePath.TryParse(path, out var parsed, out _));

        Assert.False(ValuePath.TryResolve(Document, parsed.Segments.Skip(1), out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Resolve_PropertyHoldingNull_IsFoundWithNullValue()
    {
        Assert.True(ValuePath.TryParse("root.nothing", out var parsed, out _));

        Assert.True(ValuePath.TryResolve(Document, parsed.Segments.Skip(1), out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Parse_NamesAndIndexes_YieldsSegmentsInOrder()
    {
        Assert.True(ValuePath.TryParse("input.items[12]['a b'].id", out var path, out _));

        Assert.Equal(
            [PathSegment.Property("input"), PathSegment.Property("items"), PathSegment.At(12), PathSegment.Property("a b"), PathSegment.Property("id")],
            path.Segments);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[0]", "start with a name")]
    [InlineData("input.", "expected a name")]
    [InlineData("input..a", "expected a name")]
    [InlineData("input[", "missing ']'")]
    [InlineData("input[-1]", "not an array index")]
    [InlineData("input[x]", "not an array index")]
    [InlineData("input[]", "not an array index")]
    [InlineData("input['a]", "unclosed quoted name")]
    [InlineData("input a", "expected '.' or '['")]
    [InlineData("input[99999999999]", "not an array index")]
    public void Parse_Malformed_ExplainsTheProblem(string text, string expected)
    {
        Assert.False(ValuePath.TryParse(text, out var path, out var error));

        Assert.Null(path);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
