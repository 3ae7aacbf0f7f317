using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities;
using ServicesSync.Connectors.Tests.Support;
using ServicesSync.Registry;

namespace ServicesSync.Connectors.Tests;

public sealed class ConnectorsRegistrationTests
{
    private static readonly string[] TypeIds = typeof(ConnectorActivityTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public async Task AddServicesSyncConnectors_RegistersEveryTypeIdOnceAndEachResolves()
    {
        await using var harness = new ConnectorsHarness();
        var registrations = harness.Services.GetServices<ActivityRegistration>().ToList();

        Assert.Equal(TypeIds.Order(), registrations.Select(r => r.Descriptor.Type).Order());
        Assert.All(registrations, r => Assert.NotNull(ActivatorUtilities.CreateInstance(harness.Services, r.ImplementationType)));
    }

    [Fact]
    public void EveryConnectorActivity_TakesARequiredConnectionWithTheConnectionEditor()
    {
        var services = new ServiceCollection();
        services.AddServicesSyncConnectors();
        services.AddServicesSyncConnectors();

        var descriptors = services.Where(d => d.ServiceType == typeof(ActivityRegistration))
            .Select(d => ((ActivityRegistration)d.ImplementationInstance!).Descriptor)
            .ToList();

        Assert.Equal(TypeIds.Length, descriptors.Count);
        Assert.All(descriptors, d =>
        {
            var connection = d.FindInput("connection");
            Assert.NotNull(connection);
            Assert.Equal(EditorHints.Connection, connection.Editor);
            Assert.True(connection.Required, d.Type);
            Assert.Equal("Connectors", d.Category);
            Assert.Matches("^[a-z]+\\.[a-z][A-Za-z]+$", d.Type);
        });
    }
}
