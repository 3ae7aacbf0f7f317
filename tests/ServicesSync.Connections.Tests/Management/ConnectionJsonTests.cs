using System.Text.Json.Nodes;

namespace ServicesSync.Connections.Tests.Management;

public sealed class ConnectionJsonTests
{
    [Fact]
    public void Read_SplitsSecretFieldsOutOfAuth()
    {
        var body = JsonNode.Parse("""
            { "id": "ns", "type": "netsuite", "baseUrl": "https://1234567.suitetalk.api.netsuite.com/",
              "auth": { "kind": "netsuiteTba", "accountId": "1234567", "consumerKey": "ck", "consumerSecret": "cs", "tokenId": "ti", "tokenSecret": "ts" },
              "resilience": { "maxRetries": 1, "rateLimit": { "requestsPerSecond": 5, "burst": 2 } } }
            """)!.AsObject();

        var input = ConnectionJson.Read(body, urlId: null);

        Assert.Empty(input.Problems);
        Assert.Equal("ns", input.Id);
        Assert.Equal(["consumerKey", "consumerSecret", "tokenId", "tokenSecret"], input.Secrets.Keys.Order());
        Assert.Equal("1234567", input.Definition!.Auth.AccountId);
        Assert.Equal(5, input.Definition.Resilience.RateLimit!.RequestsPerSecond);
    }

    [Fact]
    public void Read_UnknownFieldAndMismatchedId_AreReportedWithoutValues()
    {
        var body = JsonNode.Parse("""
            { "id": "a", "type": "rest", "baseUrl": "https://api.example.com/", "auth": { "kind": "bearer", "token": "t", "password": "canary-pw" } }
            """)!.AsObject();

        var input = ConnectionJson.Read(body, urlId: "b");

        Assert.Contains(input.Problems, p => p.Contains("'a'", StringComparison.Ordinal) && p.Contains("'b'", StringComparison.Ordinal));
        Assert.Contains(input.Problems, p => p.Contains("password", StringComparison.Ordinal));
        Assert.DoesNotContain(input.Problems, p => p.Contains("canary-pw", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "id": "a", "type": 5, "baseUrl": "https://x/", "auth": { "kind": "none" } }""", "type: must be a string.")]
    [InlineData("""{ "id": "a", "type": "rest", "baseUrl": "https://x/", "auth": { "kind": "redmineApiKey", "apiKye": "k" } }""", "auth.apiKye: is not a field here")]
    [InlineData("""{ "id": "a", "type": "rest", "baseUrl": "https://x/", "auth": { "kind": "none" }, "resilience": { "maxRetries": "two" } }""", "resilience.maxRetries: must be a whole number.")]
    public void Read_WrongShape_NamesTheFieldWithoutDotNetTypeNames(string json, string expected)
    {
        var input = ConnectionJson.Read(JsonNode.Parse(json)!.AsObject(), urlId: null);

        var problem = Assert.Single(input.Problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ToView_SaysHasSecretAndNamesTheSecretFieldsOnly()
    {
        var summary = new ConnectionSummary(
            "erp",
            new ConnectionDefinition { Type = "tryton", BaseUrl = "http://h/", Auth = new ConnectionAuth { Kind = AuthKinds.TrytonSession, Username = "admin", Database = "d" } },
            true, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "e1");

        var view = ConnectionJson.ToView(summary);

        Assert.True((bool)view["hasSecret"]!);
        Assert.Equal("""["password"]""", view["secretFields"]!.ToJsonString());
        Assert.Null(view["auth"]!["password"]);
        Assert.Equal("admin", (string?)view["auth"]!["username"]);
    }
}
