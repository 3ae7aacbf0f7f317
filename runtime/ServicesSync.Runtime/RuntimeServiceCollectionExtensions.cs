using Microsoft.Extensions.DependencyInjection;

namespace ServicesSync;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: activity registry, validator, expression evaluators, executor and the
    /// background services that resume and prune runs. A store must be registered too.
    /// </summary>
    public static IServiceCollection AddServicesSyncRuntime(this IServiceCollection services, Action<RuntimeOptions>? configure = null)
        => throw new NotImplementedException("Implemented by the executor work.");

    /// <summary>Registers an activity type (its descriptor comes from its attributes).</summary>
    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services)
        where TActivity : class, Activities.IActivity
        => throw new NotImplementedException("Implemented by the executor work.");
}
