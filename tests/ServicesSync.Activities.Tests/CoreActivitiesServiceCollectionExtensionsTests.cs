using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Registry;

namespace ServicesSync.Activities.Tests;

public class CoreActivitiesServiceCollectionExtensionsTests
{
    private static readonly string[] ExpectedTypes =
    [
        "core.manual", "core.webhook", "core.schedule", "core.set", "core.setVariable", "core.branch", "core.forEach",
        "core.join", "core.batch", "core.callWorkflow", "core.deadLetter", "core.log", "http.request",
        "core.event", "core.publishEvent", "core.waitForEvent", "core.delay", "core.waitUntil",
        "core.fileDrop", "core.watermarkGet", "core.watermarkAdvance",
    ];

    [Fact]
    public void AddCoreActivities_RegistersEveryCoreTypeOnce()
    {
        using var provider = new ServiceCollection().AddCoreActivities().BuildServiceProvider();

        var types = provider.GetServices<ActivityRegistration>().Select(r => r.Descriptor.Type).ToArray();

        Assert.Equal(ExpectedTypes.Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddCoreActivities_EveryImplementationResolvesAsANewInstance()
    {
        // A host always registers a store; the watermark activities need its watermark part.
        using var provider = new ServiceCollection().AddCoreActivities().AddSingleton<Persistence.IWatermarkStore, NoWatermarks>().BuildServiceProvider();

        foreach (var registration in provider.GetServices<ActivityRegistration>())
        {
            var first = provider.GetRequiredService(registration.ImplementationType);
            var second = provider.GetRequiredService(registration.ImplementationType);
            Assert.IsAssignableFrom<IActivity>(first);
            Assert.NotSame(first, second);
        }
    }

    [Fact]
    public void AddCoreActivities_CalledTwice_DoesNotDuplicate()
    {
        using var provider = new ServiceCollection().AddCoreActivities().AddCoreActivities().BuildServiceProvider();

        Assert.Equal(ExpectedTypes.Length, provider.GetServices<ActivityRegistration>().Count());
    }

    [Fact]
    public void AddCoreActivities_HttpRequestSendsThroughTheConnectionPipeline()
    {
        using var provider = new ServiceCollection().AddCoreActivities().AddCoreActivities().BuildServiceProvider();

        Assert.Single(provider.GetServices<ServicesSync.Connections.IConnectionHttp>());
        Assert.NotNull(provider.GetRequiredService<ServicesSync.Activities.Http.HttpRequestActivity>());
    }

    [Fact]
    public void CoreActivityTypes_MatchTheRegisteredDescriptors()
    {
        var constants = typeof(CoreActivityTypes).GetFields().Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(ExpectedTypes.Order(StringComparer.Ordinal), constants.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Descriptors_OnlyTheFiveTriggersAreTriggersAndAllHaveDescriptions()
    {
        using var provider = new ServiceCollection().AddCoreActivities().BuildServiceProvider();
        var descriptors = provider.GetServices<ActivityRegistration>().Select(r => r.Descriptor).ToArray();

        Assert.Equal(
            ["core.event", "core.fileDrop", "core.manual", "core.schedule", "core.webhook"],
            descriptors.Where(d => d.IsTrigger).Select(d => d.Type).Order(StringComparer.Ordinal));
        Assert.All(descriptors.Where(d => d.IsTrigger), d => Assert.Equal("Triggers", d.Category));
        Assert.All(descriptors, d =>
        {
            Assert.NotEmpty(d.Description);
            Assert.All(d.Inputs, i => Assert.NotEmpty(i.Description));
            Assert.Equal(1, d.Version);
        });
    }

    private sealed class NoWatermarks : Persistence.IWatermarkStore
    {
        public Task<Persistence.WatermarkRecord?> GetWatermarkAsync(string workflowId, string name, CancellationToken cancellationToken)
            => Task.FromResult<Persistence.WatermarkRecord?>(null);

        public Task PutWatermarkAsync(Persistence.WatermarkRecord record, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
