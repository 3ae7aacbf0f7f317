using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities;
using ServicesSync.Scripting;
using ServicesSync.Triggers;

namespace ServicesSync.Composition;

public static class ProductServiceCollectionExtensions
{
    /// <summary>
    /// The engine with every activity library, both script languages, and the schedule and file-drop triggers. With a data directory,
    /// compiled C# snippets are kept under <c>DIR/scripts</c> so a restart does not recompile them.
    /// A store is registered separately (LiteDB, or in memory for one-off runs).
    /// </summary>
    public static IServiceCollection AddServicesSyncProduct(this IServiceCollection services, string? dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddServicesSyncRuntime();
        services.AddCoreActivities();
        services.AddServicesSyncTriggers(dataDirectory);
        services.AddScripting(options =>
        {
            if (dataDirectory is not null)
            {
                options.CSharpCacheDirectory = Path.Combine(dataDirectory, "scripts");
            }
        });
        return services;
    }
}
