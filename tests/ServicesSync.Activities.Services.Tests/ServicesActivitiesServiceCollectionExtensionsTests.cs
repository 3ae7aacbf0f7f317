using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities.Services.Http;
using ServicesSync.Connections;
using ServicesSync.Persistence;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Registry;
using ServicesSync.Schemas;

namespace ServicesSync.Activities.Services.Tests;

public class ServicesActivitiesServiceCollectionExtensionsTests
{
    private static ServiceProvider Provider() => new ServiceCollection().AddLogging().AddInMemoryStore().AddServicesActivities().AddServicesActivities().BuildServiceProvider();

    private static string[] Constants() => [.. typeof(ServicesActivityTypes).GetFields().Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void AddServicesActivities_RegistersEveryTypeIdOnce()
    {
        using var provider = Provider();

        var types = provider.GetServices<ActivityRegistration>().Select(r => r.Descriptor.Type).ToArray();

        Assert.Equal(Constants().Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddServicesActivities_EveryActivityResolvesWithItsDependencies()
    {
        using var provider = Provider();

        foreach (var registration in provider.GetServices<ActivityRegistration>())
        {
            Assert.IsAssignableFrom<IActivity>(provider.GetRequiredService(registration.ImplementationType));
        }

        Assert.Same(provider.GetRequiredService<IWorkflowStore>(), provider.GetRequiredService<ICrossReferenceStore>());
        Assert.NotNull(provider.GetRequiredService<VendorApi>());
        Assert.NotNull(provider.GetRequiredService<IConnectionHttp>());
        Assert.NotEmpty(provider.GetRequiredService<ICanonicalSchemaProvider>().Schemas);
    }

    [Fact]
    public void Descriptors_AreCompleteAndIdsFollowTheFamilyDotNameRule()
    {
        using var provider = Provider();

        Assert.All(provider.GetServices<ActivityRegistration>().Select(r => r.Descriptor), d =>
        {
            Assert.Matches("^[a-z]+\\.[a-z][A-Za-z]+$", d.Type);
            Assert.NotEmpty(d.Description);
            Assert.NotEmpty(d.Outcomes);
            Assert.All(d.Inputs, i => Assert.False(string.IsNullOrWhiteSpace(i.Description), $"{d.Type}.{i.Name} has no description"));
            Assert.False(d.IsTrigger);
        });
    }

    [Fact]
    public void Descriptors_ReadersNameAConnectionAndCarryNoSecret()
    {
        using var provider = Provider();
        var descriptors = provider.GetServices<ActivityRegistration>().Select(r => r.Descriptor).ToDictionary(d => d.Type);

        foreach (var reader in new[]
        {
            ServicesActivityTypes.BambooHrGetEmployee, ServicesActivityTypes.BambooHrChangedEmployees, ServicesActivityTypes.WorkdayGetWorkers,
            ServicesActivityTypes.JiraWorklogEvent, ServicesActivityTypes.TempoApproval, ServicesActivityTypes.SalesforceOpportunity,
        })
        {
            var connection = descriptors[reader].FindInput("connection");
            Assert.True(connection is { Editor: EditorHints.Connection, ExpressionCapable: false }, $"{reader} has no literal 'connection' input with the connection editor");
            Assert.DoesNotContain(descriptors[reader].Inputs, i => i.Name is "baseUrl" or "apiKey" or "apiToken" or "token" or "user" or "timeout");
        }
    }
}
