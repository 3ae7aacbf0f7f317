using ServicesSync.Validation;

namespace ServicesSync.Runtime.Tests.Validation;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("script", "scirpt", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Distance_CountsEditsWithSwapsAsOne(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
    }

    [Fact]
    public void Closest_PicksTheNearestWithinTheLimit()
    {
        Assert.Equal("core.script", Suggestions.Closest("core.scirpt", ["core.schedule", "core.script", "core.log"]));
        Assert.Equal("Name", Suggestions.Closest("name", ["Name"]));
        Assert.Null(Suggestions.Closest("erp.post", ["core.script"]));
        Assert.Null(Suggestions.Closest("ab", ["xy"]));
    }
}
