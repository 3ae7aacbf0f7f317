using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Persistence.LiteDb;
using ServicesSync.Persistence.PostgreSql;

namespace ServicesSync.Composition.Storage;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store <paramref name="choice"/> names: PostgreSQL (settings from the
    /// <c>ServicesSync:Store</c> section of <paramref name="configuration"/>) or LiteDB. Every host
    /// and command goes through here, so they all pick the same store for the same settings.
    /// </summary>
    public static IServiceCollection AddServicesSyncStore(this IServiceCollection services, StoreChoice choice, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(choice);
        if (choice.ConnectionString is not { } connectionString)
        {
            return services.AddLiteDbStore(choice.DataDirectory);
        }

        var options = new PostgreSqlStoreOptions();
        configuration?.GetSection(StoreChoice.SectionKey).Bind(options);
        options.ConnectionString = connectionString;
        return services.AddPostgreSqlStore(options);
    }
}
