using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Connectors.Tryton;

namespace ServicesSync.Connectors.Tests.Tryton;

public sealed class TrytonValuesTests
{
    [Fact]
    public void SpecialValues_AreWrittenAsTrytonTagsThem()
    {
        Assert.Equal("""{"__class__":"Decimal","decimal":"120.50"}""", TrytonValues.Decimal(120.50m).ToJsonString());
        Assert.Equal("""{"__class__":"date","year":2026,"month":3,"day":2}""", TrytonValues.Date(new DateOnly(2026, 3, 2)).ToJsonString());
        Assert.Equal("""{"__class__":"timedelta","seconds":7200}""", TrytonValues.TimeDelta(7200).ToJsonString());
    }

    [Fact]
    public void SpecialValues_AreReadBack()
    {
        Assert.Equal(240.00m, TrytonValues.ReadDecimal(JsonNode.Parse("""{"__class__":"Decimal","decimal":"240.00"}""")));
        Assert.Equal(7200.0, TrytonValues.ReadSeconds(JsonNode.Parse("""{"__class__":"timedelta","seconds":7200.0}""")));
        Assert.Equal(new DateOnly(2026, 3, 2), TrytonValues.ReadDate(JsonNode.Parse("""{"__class__":"date","year":2026,"month":3,"day":2}""")));
        Assert.Null(TrytonValues.ReadDecimal(JsonNode.Parse("\"x\"")));
        Assert.Equal([1, 2], TrytonValues.ReadIds(JsonNode.Parse("[1,2]")));
    }

    [Fact]
    public void LineUuid_IsTheVersion5UuidOfTheSourceKey()
    {
        // Python: uuid.uuid5(uuid.UUID("8c7d4f2e-5b1a-4e6f-9a3d-2f0b7c1e9d54"), "jira:10023")
        Assert.Equal("f5071054-76bb-5647-8661-85a5a505a5c5", TrytonErp.LineUuid(new ExternalRef("jira", "10023")));
        Assert.NotEqual(TrytonErp.LineUuid(new ExternalRef("jira", "10023")), TrytonErp.LineUuid(new ExternalRef("tempo", "10023")));
    }
}
