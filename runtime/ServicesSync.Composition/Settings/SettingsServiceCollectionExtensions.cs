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
    /// (<c>ServicesSync__Scripting__Isolation</c>) or <c>--ServicesSync:Scripting:Isolation=Process</c>
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
        services.AddSingleton<IValidateOptions<RuntimeOptions>>(new UnknownSettingsValidator<RuntimeOptions>(sections));
        services.AddOptions<RuntimeOptions>().ValidateOnStart();
        return services;
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

    /// <summary>Adds the unknown-key check to the validation of <typeparamref name="T"/>.</summary>
    private sealed class UnknownSettingsValidator<T>(SettingsSections sections) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var unknown = sections.FindUnknownKeys();
            return unknown.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(unknown.Select(key => $"{key} is not a known setting"));
        }
    }
}
