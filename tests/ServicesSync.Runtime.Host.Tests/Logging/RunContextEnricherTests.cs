using Serilog.Events;
using ServicesSync.Host.Logging;

namespace ServicesSync.Host.Tests.Logging;

public sealed class RunContextEnricherTests
{
    [Fact]
    public void Enrich_WithScopeIds_AddsAShortSuffixForConsoleLines()
    {
        var logEvent = SensitivePropertyMaskerTests.Event(
            new LogEventProperty("WorkflowId", new ScalarValue("billing")),
            new LogEventProperty("InstanceId", new ScalarValue("i-1")),
            new LogEventProperty("ActivityId", new ScalarValue("post")));

        new RunContextEnricher().Enrich(logEvent, null!);

        Assert.Equal(" [workflow billing, instance i-1, activity post]", ((ScalarValue)logEvent.Properties[RunContextEnricher.PropertyName]).Value);
    }

    [Fact]
    public void Enrich_WithoutIds_AddsNothing()
    {
        var logEvent = SensitivePropertyMaskerTests.Event(new LogEventProperty("Other", new ScalarValue(1)));

        new RunContextEnricher().Enrich(logEvent, null!);

        Assert.False(logEvent.Properties.ContainsKey(RunContextEnricher.PropertyName));
    }
}
