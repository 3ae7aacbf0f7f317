using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicesSync.Activities;
using ServicesSync.Activities.Services;
using ServicesSync.Canonical;
using ServicesSync.Connectors;
using ServicesSync.Scripting;
using ServicesSync.Scripting.CrossReferences;
using ServicesSync.Triggers;

namespace ServicesSync.Composition;

public static class ProductServiceCollectionExtensions
{
    /// <summary>
    /// The engine with every activity library, the connectors (connections with encrypted secrets
    /// from <paramref name="configuration"/>), both script languages, and the schedule and
    /// file-drop triggers. With a data directory, compiled C# snippets are kept under
    /// <c>DIR/scripts</c> so a restart does not recompile them, and rate cards may be read from
    /// files under it. A store is registered separately (LiteDB, or in memory for one-off runs).
    /// </summary>
    public static IServiceCollection AddServicesSyncProduct(this IServiceCollection services, string? dataDirectory, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddServicesSyncRuntime();
        services.AddCoreActivities();
        // Connectors first: they register connections with the host's configuration, which the
        // HR/PSA/CRM readers share (AddServicesSyncConnections keeps the first registration).
        services.AddServicesSyncConnectors(configuration, dataDirectory);
        services.AddServicesActivities(options => options.DataDirectory = dataDirectory);
        services.TryAddSingleton<IScriptCrossReferences, StoreCrossReferences>();
        services.AddServicesSyncTriggers(dataDirectory);
        services.AddScripting(options =>
        {
            if (dataDirectory is not null)
            {
                options.CSharpCacheDirectory = Path.Combine(dataDirectory, "scripts");
            }

            // C# snippets may build and return canonical entities (a TimeEntry, Money …), which
            // become JSON in the canonical model's own spelling.
            foreach (var type in CanonicalModelTypes())
            {
                options.AllowCSharpType(type, CanonicalJson.Options);
            }
        });
        return services;
    }

    /// <summary>The canonical records and their value types: public, instantiable, data only.</summary>
    private static IEnumerable<Type> CanonicalModelTypes()
        => typeof(ExternalRef).Assembly.GetExportedTypes()
            .Where(t => t.Namespace?.StartsWith("ServicesSync.Canonical", StringComparison.Ordinal) == true
                        && !(t.IsAbstract && t.IsSealed)
                        && !t.IsGenericTypeDefinition);
}
