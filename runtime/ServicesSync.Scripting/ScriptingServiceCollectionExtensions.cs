using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicesSync.Activities;
using ServicesSync.Expressions;
using ServicesSync.Registry;
using ServicesSync.Scripting.Activities;
using ServicesSync.Scripting.CrossReferences;
using ServicesSync.Scripting.CSharp;
using ServicesSync.Scripting.Isolation;
using ServicesSync.Scripting.JavaScript;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting;

public static class ScriptingServiceCollectionExtensions
{
    /// <summary>
    /// Installs JavaScript and C# as expression languages (<c>javascript</c>, <c>csharp</c>), the
    /// <c>core.script</c> activity and its design-time validator. Options are validated (all
    /// errors at once) when the first evaluator is resolved.
    /// </summary>
    public static IServiceCollection AddScripting(this IServiceCollection services, Action<ScriptingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<ScriptingOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        // Idempotent: a second call may add configuration but never a second set of evaluators.
        if (services.Any(d => d.ServiceType == typeof(ScriptRunners)))
        {
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScriptingOptions>, ScriptingOptionsValidator>());
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAddSingleton<IScriptCrossReferences>(UnavailableCrossReferences.Instance);
        services.TryAddSingleton(sp => new JavaScriptRunner(Options(sp), sp.GetRequiredService<IScriptCrossReferences>(), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(sp => new CSharpRunner(Options(sp), sp.GetRequiredService<IScriptCrossReferences>(), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(sp => new WorkerPool(Options(sp), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(CreateRunners);
        services.AddSingleton<IExpressionEvaluator>(sp => Evaluator(sp, ScriptLanguages.JavaScript));
        services.AddSingleton<IExpressionEvaluator>(sp => Evaluator(sp, ScriptLanguages.CSharp));
        services.AddSingleton(ActivityRegistration.For<ScriptActivity>());
        services.TryAddTransient<ScriptActivity>();
        services.AddSingleton<IActivityNodeValidator, ScriptNodeValidator>();
        return services;
    }

    private static ScriptingOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<ScriptingOptions>>().Value;

    private static ScriptRunners CreateRunners(IServiceProvider services)
    {
        var options = Options(services);
        ISnippetRunner javaScript = services.GetRequiredService<JavaScriptRunner>();
        ISnippetRunner cSharp = services.GetRequiredService<CSharpRunner>();
        if (options.Isolation == ScriptIsolation.InProcess)
        {
            return new ScriptRunners([(javaScript, javaScript), (cSharp, cSharp)]);
        }

        var pool = services.GetRequiredService<WorkerPool>();
        return new ScriptRunners([
            (javaScript, new IsolatedRunner(javaScript, pool, options)),
            (cSharp, new IsolatedRunner(cSharp, pool, options)),
        ]);
    }

    private static SnippetEvaluator Evaluator(IServiceProvider services, string language)
        => services.GetRequiredService<ScriptRunners>().TryGetRunner(language, out var runner)
            ? new SnippetEvaluator(runner)
            : throw new InvalidOperationException($"No {language} runner is registered.");
}
