using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServicesSync.Validation;

public static class ValidationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IWorkflowValidator"/> and <see cref="DefinitionLoader"/>. They need an
    /// <see cref="Registry.IActivityRegistry"/> and take every registered
    /// <see cref="Expressions.IExpressionEvaluator"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowValidation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IWorkflowValidator, WorkflowValidator>();
        services.TryAddSingleton<DefinitionLoader>();
        return services;
    }
}
