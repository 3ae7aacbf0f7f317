using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities;
using ServicesSync.Composition;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Registry;
using ServicesSync.Testing.Repository;

namespace ServicesSync.Host.Tests.Docs;

/// <summary>
/// A newcomer reads docs/activities.md (and the connectors' table in docs/connections.md) to learn
/// what a workflow can use: every type the product registers, and every input of a core one, is
/// named there.
/// </summary>
public sealed class ActivityDocsTests
{
    private static readonly string Activities = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "activities.md"));
    private static readonly string Connections = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "connections.md"));

    [Fact]
    public void EveryRegisteredActivityType_IsDocumented()
    {
        var undocumented = ProductDescriptors()
            .Select(d => d.Type)
            .Distinct()
            .Where(type => !Activities.Contains($"`{type}`", StringComparison.Ordinal) && !Connections.Contains($"`{type}`", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(undocumented.Length == 0, $"not in docs/activities.md or docs/connections.md: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void EveryCoreActivity_HasItsRowWithEveryInputAndOutcome()
    {
        var rows = Activities.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToArray();
        foreach (var descriptor in ProductDescriptors().Where(d => d.Type.StartsWith("core.", StringComparison.Ordinal) || d.Type.StartsWith("http.", StringComparison.Ordinal)))
        {
            var row = rows.SingleOrDefault(r => r.StartsWith($"| `{descriptor.Type}`", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/activities.md has no row for {descriptor.Type}");
            foreach (var name in descriptor.Inputs.Select(i => i.Name).Concat(descriptor.Outcomes.Select(o => o.Name)))
            {
                Assert.True(row.Contains($"`{name}`", StringComparison.Ordinal), $"the row of {descriptor.Type} in docs/activities.md does not name '{name}'");
            }
        }
    }

    private static IReadOnlyList<ActivityDescriptor> ProductDescriptors()
    {
        using var provider = new ServiceCollection().AddLogging().AddInMemoryStore().AddServicesSyncProduct(dataDirectory: null).BuildServiceProvider();
        return [.. provider.GetServices<ActivityRegistration>().Select(r => r.Descriptor)];
    }
}
