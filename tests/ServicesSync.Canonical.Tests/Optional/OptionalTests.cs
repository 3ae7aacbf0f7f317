using System.Text.Json.Nodes;

namespace ServicesSync.Canonical.Tests;

public class OptionalTests
{
    [Fact]
    public void Json_AbsentIsUnknownNullIsClearedValueIsValue()
    {
        var worker = CanonicalJson.FromNode<Worker>(JsonNode.Parse("""{"email":null,"jobTitle":"Architect"}"""), "worker");

        Assert.False(worker.GivenName.IsProvided);
        Assert.True(worker.Email.IsProvided);
        Assert.Null(worker.Email.Value);
        Assert.Equal("Architect", worker.JobTitle.Value);
    }

    [Fact]
    public void Json_UnknownFieldsAreLeftOutAndClearedFieldsWrittenAsNull()
    {
        var node = CanonicalJson.ToNode(new Worker { Email = null, JobTitle = "Architect" })!.AsObject();

        Assert.False(node.ContainsKey("givenName"));
        Assert.True(node.ContainsKey("email"));
        Assert.Null(node["email"]);
        Assert.Equal("Architect", (string?)node["jobTitle"]);
    }

    [Fact]
    public void Value_OfAnUnknownField_Throws()
        => Assert.Throws<InvalidOperationException>(() => new Worker().Email.Value);

    [Fact]
    public void Apply_UnknownFieldsNeverClearKnownOnes()
    {
        var known = CanonicalMother.Worker();
        var partial = new Worker { Refs = [new ExternalRef("netsuite", "881")], JobTitle = "Principal", Supervisor = null };

        var merged = known.Apply(partial);

        Assert.Equal("Principal", merged.JobTitle.Value);
        Assert.True(merged.Supervisor.IsProvided);
        Assert.Null(merged.Supervisor.Value);
        Assert.Equal("ada@example.com", merged.Email.Value);
        Assert.Equal(WorkerStatus.Active, merged.Status.Value);
        Assert.Equal("America/Chicago", merged.TimeZone.Value);
        Assert.Equal(3, merged.Refs.Count);
        Assert.Equal("wrk-0001", merged.Id);
    }

    [Fact]
    public void Or_PrefersTheNewerProvidedValue()
    {
        Assert.Equal("new", Optional.Of<string?>("new").Or("old").Value);
        Assert.Equal("old", Optional.Unknown<string?>().Or("old").Value);
        Assert.Null(Optional.Of<string?>(null).Or("old").Value);
    }
}
