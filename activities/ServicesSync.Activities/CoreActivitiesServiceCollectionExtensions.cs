using Microsoft.Extensions.DependencyInjection;

namespace ServicesSync.Activities;

public static class CoreActivitiesServiceCollectionExtensions
{
    /// <summary>Registers the core activity library: triggers, transforms, control flow, HTTP.</summary>
    public static IServiceCollection AddCoreActivities(this IServiceCollection services)
        => throw new NotImplementedException("Implemented by the core activities work.");
}
