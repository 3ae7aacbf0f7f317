using Serilog.Events;
using Serilog.Parsing;
using ServicesSync.Api.Logging;

namespace ServicesSync.Host.Tests.Logging;

public sealed class SensitivePropertyMaskerTests
{
    [Theory]
    [InlineData("Password", true)]
    [InlineData("apiKey", true)]
    [InlineData("api_key", true)]
    [InlineData("ClientSecret", true)]
    [InlineData("client-secret", true)]
    [InlineData("Authorization", true)]
    [InlineData("AccessToken", true)]
    [InlineData("WorkflowId", false)]
    [InlineData("ActivityId", false)]
    public void IsSensitive_MatchesNamesLikeSecrets(string name, bool expected)
        => Assert.Equal(expected, SensitivePropertyMasker.IsSensitive(name));

    [Fact]
    public void Enrich_MasksTopLevelNestedAndDictionaryValues_AndKeepsTheRest()
    {
        var logEvent = Event(
            new LogEventProperty("ApiKey", new ScalarValue("ss_abc")),
            new LogEventProperty("WorkflowId", new ScalarValue("wf")),
            new LogEventProperty("Connection", new StructureValue(
            [
                new LogEventProperty("Url", new ScalarValue("https://erp")),
                new LogEventProperty("ClientSecret", new ScalarValue("s3cr3t")),
            ])),
            new LogEventProperty("Headers", new DictionaryValue(
            [
                new(new ScalarValue("Authorization"), new ScalarValue("Bearer x")),
                new(new ScalarValue("Accept"), new ScalarValue("application/json")),
            ])),
            new LogEventProperty("Items", new SequenceValue([new StructureValue([new LogEventProperty("token", new ScalarValue("t"))])])));

        new SensitivePropertyMasker().Enrich(logEvent, null!);

        var rendered = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal("\"***\"", logEvent.Properties["ApiKey"].ToString());
        Assert.Equal("\"wf\"", logEvent.Properties["WorkflowId"].ToString());
        Assert.Contains("Url: \"https://erp\"", rendered, StringComparison.Ordinal);
        Assert.Contains("ClientSecret: \"***\"", rendered, StringComparison.Ordinal);
        var headers = ((DictionaryValue)logEvent.Properties["Headers"]).Elements.ToDictionary(e => (string)e.Key.Value!, e => e.Value.ToString());
        Assert.Equal("\"***\"", headers["Authorization"]);
        Assert.Equal("\"application/json\"", headers["Accept"]);
        Assert.Contains("token: \"***\"", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer x", rendered, StringComparison.Ordinal);
    }

    internal static LogEvent Event(params LogEventProperty[] properties)
        => new(DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, new MessageTemplateParser().Parse("test"), properties);
}
