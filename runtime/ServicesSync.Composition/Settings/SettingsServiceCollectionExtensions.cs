using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicesSync.Api;
using ServicesSync.Scripting;
using ServicesSync.Triggers;

namespace ServicesSync.Composition.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds every <c>ServicesSync</c> settings section (<c>Runtime</c>, <c>Scripting</c>, <c>Api</c>,
    /// <c>Triggers</c>) from <paramref name="configuration"/> — appsettings, environment variables
    /// (<c>ServicesSync__Scripting__Isolation</c>) or <c>--ServicesSync:Scripting:Isolation=WorkerProcess</c>
    /// — and checks them when the host starts: an unknown key in a ServicesSync section or a value
    /// that does not convert fails the start with the setting's name. Every host calls this, so
    /// none reads a setting another ignores.
    /// </summary>
    public static IServiceCollection AddServicesSyncSettings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var sections = new SettingsSections(configuration);
        Bind<RuntimeOptions>(services, sections, "Runtime");
        Bind<ScriptingOptions>(services, sections, "Scripting");
        Bind<ServicesSyncApiOptions>(services, sections, "Api");
        Bind<TriggerOptions>(services, sections, "Triggers");
        // The key check stands alone, so a value that does not convert cannot hide a misspelt key.
        services.AddSingleton<IValidateOptions<SettingsKeys>>(new UnknownSettingsValidator(sections));
        services.AddOptions<SettingsKeys>().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Every bad setting in <paramref name="configuration"/> at once (empty when all are valid),
    /// checked as a host's start would: hosts call this before building, so a typo is reported
    /// with every other mistake and before anything opens a store or a port.
    /// </summary>
    public static IReadOnlyList<string> FindSettingProblems(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddServicesSyncSettings(configuration);
        // The scripting library's own validator (limits, worker settings).
        services.AddScripting();
        using var provider = services.BuildServiceProvider();
        return provider.FindSettingProblems();
    }

    /// <summary>
    /// Runs the start checks now, outside a host's start, and returns one line per bad setting
    /// (empty when every setting is valid), so a host can refuse to start with a readable reason.
    /// </summary>
    public static IReadOnlyList<string> FindSettingProblems(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (Exception exception) when (SettingProblemsIn(exception) is not null)
        {
            return SettingProblemsIn(exception)!;
        }
    }

    /// <summary>
    /// The bad settings behind an exception of a host's build or start (options are first read
    /// there), or null when the exception is about something else.
    /// </summary>
    public static IReadOnlyList<string>? SettingProblemsIn(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case OptionsValidationException invalid:
                    return [.. invalid.Failures.Select(f => f.TrimEnd('.'))];
                case AggregateException { InnerExceptions: var inner } when inner.All(e => e is OptionsValidationException):
                    return [.. inner.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Select(f => f.TrimEnd('.'))];
            }
        }

        return null;
    }

    private static void Bind<T>(IServiceCollection services, SettingsSections sections, string name)
        where T : class
    {
        var section = sections.Root.GetSection(name);
        services.AddOptions<T>()
            .Configure(options =>
            {
                try
                {
                    section.Bind(options);
                }
                catch (InvalidOperationException exception)
                {
                    // "Failed to convert configuration value at 'ServicesSync:Runtime:X' to type …": the
                    // binder's own message already names the setting.
                    throw new OptionsValidationException(section.Path, typeof(T), [exception.Message]);
                }
            })
            .ValidateOnStart();
    }

    /// <summary>Stands for the <c>ServicesSync</c> section as a whole in the start checks.</summary>
    private sealed class SettingsKeys;

    private sealed class UnknownSettingsValidator(SettingsSections sections) : IValidateOptions<SettingsKeys>
    {
        public ValidateOptionsResult Validate(string? name, SettingsKeys options)
        {
            var unknown = sections.FindUnknownKeys();
            return unknown.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(unknown.Select(key => $"{key} is not a known setting"));
        }
    }
}
