using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Canonical.Tests;

public class ExternalRefTests
{
    [Fact]
    public void Parse_SplitsAtTheFirstColonSoIdsMayContainColons()
    {
        var reference = ExternalRef.Parse("netsuite:job:7788");

        Assert.Equal("netsuite", reference.System);
        Assert.Equal("job:7788", reference.Id);
        Assert.Equal("netsuite:job:7788", reference.ToString());
    }

    [Theory]
    [InlineData("no-colon")]
    [InlineData(":123")]
    [InlineData("jira:")]
    [InlineData(null)]
    public void TryParse_Malformed_ReturnsFalse(string? text)
        => Assert.False(ExternalRef.TryParse(text, out _));

    [Fact]
    public void Constructor_EmptyId_IsAValidationErrorNamingTheSystem()
    {
        var ex = Assert.Throws<ServicesSyncException>(() => new ExternalRef("jira", ""));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal("A cross-reference to system 'jira' needs an id; it was empty.", ex.Message);
    }

    [Fact]
    public void Equality_IsOrdinalOnBothParts()
    {
        Assert.Equal(new ExternalRef("jira", "ACME-1"), new ExternalRef("jira", "ACME-1"));
        Assert.NotEqual(new ExternalRef("jira", "ACME-1"), new ExternalRef("jira", "acme-1"));
        Assert.True(ExternalRef.Canonical("wrk-1").IsCanonical);
    }

    [Fact]
    public void Json_IsSystemAndId()
    {
        var node = CanonicalJson.ToNode(new ExternalRef("bamboohr", "123"));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"system":"bamboohr","id":"123"}"""), node));
        Assert.Equal(new ExternalRef("bamboohr", "123"), CanonicalJson.FromNode<ExternalRef>(node, "worker"));
    }
}
