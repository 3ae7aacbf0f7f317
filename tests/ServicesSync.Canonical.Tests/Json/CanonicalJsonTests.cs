using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Canonical.Tests;

public class CanonicalJsonTests
{
    [Fact]
    public void TimeEntry_KeepsTheLocalWorkDateAndTheOriginalOffset()
    {
        var node = CanonicalJson.ToNode(CanonicalMother.TimeEntry())!;

        Assert.Equal("2026-03-01", (string?)node["workDate"]);
        Assert.Equal("2026-03-01T23:30:00-06:00", (string?)node["startedAt"]);
        Assert.Equal("approved", (string?)node["approvalStatus"]);

        var back = CanonicalJson.FromNode<TimeEntry>(node, "entry");
        Assert.Equal(TimeSpan.FromHours(-6), back.StartedAt!.Value.Offset);
        Assert.Equal(new DateOnly(2026, 3, 1), back.WorkDate);
    }

    [Fact]
    public void FromNode_MissingRequiredProperty_NamesTheEntity()
    {
        var ex = Assert.Throws<ServicesSyncException>(
            () => CanonicalJson.FromNode<TimeEntry>(JsonNode.Parse("""{"source":{"system":"jira","id":"1"}}"""), "input 'entry'"));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.StartsWith("input 'entry' is not a valid TimeEntry:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("worker", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromNode_WrongEnumValue_NamesThePath()
    {
        var json = """{"source":{"system":"jira","id":"1"},"worker":{"system":"jira","id":"a"},"project":{"system":"jira","id":"P"},"workDate":"2026-03-01","durationSeconds":60,"approvalStatus":"ok"}""";

        var ex = Assert.Throws<ServicesSyncException>(() => CanonicalJson.FromNode<TimeEntry>(JsonNode.Parse(json), "entry"));

        Assert.StartsWith("entry at 'approvalStatus' is not a valid TimeEntry", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEntity_RoundTripsThroughJson()
    {
        foreach (var (name, entity) in CanonicalMother.All())
        {
            var type = CanonicalEntities.Types[name];
            var node = System.Text.Json.JsonSerializer.SerializeToNode(entity, type, CanonicalJson.Options);
            var back = System.Text.Json.JsonSerializer.Deserialize(node, type, CanonicalJson.Options);
            var again = System.Text.Json.JsonSerializer.SerializeToNode(back, type, CanonicalJson.Options);
            Assert.True(JsonNode.DeepEquals(node, again), $"{name}: {node!.ToJsonString()} became {again!.ToJsonString()}");
        }
    }
}
