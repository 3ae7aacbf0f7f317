using System.CommandLine;
using Microsoft.Extensions.Options;
using Serilog;
using ServicesSync.Api;
using ServicesSync.Composition;
using ServicesSync.Host.Common;
using ServicesSync.Host.Logging;
using ServicesSync.Composition.Settings;
using ServicesSync.Composition.Storage;
using ServicesSync.Persistence;
using ServicesSync.Registry;
using ServicesSync.Validation;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace ServicesSync.Host.Serve;

/// <summary>
/// <c>servicessync serve</c>: the engine, its triggers and the management API, no UI. The web
/// app is composed by <see cref="CreateBuilder"/> and <see cref="ConfigureApp"/>, which tests
/// reach through <c>WebApplicationFactory&lt;Program&gt;</c> as well.
/// </summary>
internal static partial class ServeCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"The URLs to listen on, separated by ';' (default: {ServeSettings.DefaultUrl}).",
            HelpName = "URL",
        };
        var data = CommonOptions.Data();
        var store = CommonOptions.Store();
        var workflows = new Option<string?>("--workflows")
        {
            Description = "A folder of workflow .json files to validate, save and publish (when changed) at start.",
            HelpName = "DIR",
        };
        var command = new Command("serve", "Run the engine with its triggers, schedules and management API (no UI); settings as --Section:Key=value.") { urls, data, store, workflows };
        command.AcceptSettings();
        command.SetAction((parse, cancellationToken) =>
        {
            var workflowsDirectory = parse.GetValue(workflows);
            if (workflowsDirectory is not null && !Directory.Exists(workflowsDirectory))
            {
                throw new CliException(ExitCodes.InvalidInput, $"--workflows: the folder '{workflowsDirectory}' does not exist.");
            }

            var settings = new ServeSettings(
                parse.GetValue(urls), DataDirectory.Resolve(parse.GetValue(data)), workflowsDirectory, parse.GetValue(verbose), parse.GetValue(store));
            return RunAsync(SettingArguments.From(parse), settings, cancellationToken);
        });
        return command;
    }

    /// <summary>Builds and runs the server until it is stopped (Ctrl+C, SIGTERM, or the test host).</summary>
    public static async Task<int> RunAsync(string[] hostArgs, ServeSettings settings, CancellationToken cancellationToken)
    {
        WebApplication? app = null;
        try
        {
            var builder = CreateBuilder(hostArgs, settings);
            if (SettingsServiceCollectionExtensions.FindSettingProblems(builder.Configuration) is { Count: > 0 } problems)
            {
                throw SettingArguments.Invalid(problems);
            }

            app = builder.Build();

            OpenStore(app);
            ConfigureApp(app);
            await app.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (app is not null)
            {
                // Releases the store's lock on the data directory before the process reports and exits.
                await app.DisposeAsync();
            }

            if (exception is CliException)
            {
                throw;
            }

            if (SettingArguments.InvalidFrom(exception) is { } invalidSettings)
            {
                throw invalidSettings;
            }

            throw new CliException(ExitCodes.ServeFailed, $"The server could not start: {exception.Message}", exception);
        }

        await using (app)
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Opens the store before anything starts, so a damaged file or a directory another server
    /// holds exits 5 like every other command, not 6 as a server failure.
    /// </summary>
    private static void OpenStore(WebApplication app)
    {
        try
        {
            _ = app.Services.GetRequiredService<IWorkflowStore>();
        }
        catch (Exception exception) when (exception is not CliException)
        {
            throw new CliException(ExitCodes.DataUnavailable, $"Cannot open the store: {exception.Message}", exception);
        }
    }

    public static WebApplicationBuilder CreateBuilder(string[] hostArgs, ServeSettings settings)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        var configuration = builder.Configuration;
        var dataDirectory = Path.GetFullPath(
            settings.DataDirectory
            ?? configuration[ServeSettings.DataDirectoryKey]
            ?? configuration[DataDirectory.EnvironmentVariable]
            ?? DataDirectory.Default);
        var workflowsDirectory = settings.WorkflowsDirectory ?? configuration[ServeSettings.WorkflowsDirectoryKey];
        DataDirectory.Create(dataDirectory);

        if (settings.Urls is not null)
        {
            builder.WebHost.UseUrls(settings.Urls);
        }
        else if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(ServeSettings.DefaultUrl);
        }

        builder.Services.AddSerilog(
            (_, logger) => LoggingSetup.ForServe(logger, configuration, dataDirectory, settings.Verbose),
            preserveStaticLogger: true);

        var services = builder.Services;
        services.AddServicesSyncSettings(configuration);
        // A graceful stop waits as long as the engine is allowed to drain in-flight activities.
        services.AddOptions<HostOptions>().Configure<IOptions<RuntimeOptions>>(
            (host, runtime) => host.ShutdownTimeout = runtime.Value.ShutdownDrainTimeout);

        var store = new StoreChoice(dataDirectory, StoreChoice.ResolveConnectionString(settings.Store, configuration));
        store.EnsureSharedSecretsKey(configuration);
        services.AddServicesSyncStore(store, configuration);
        // Before the engine's own hosted services: keys and workflows are in place when triggers start.
        services.AddHostedService<BootstrapApiKey>();
        if (workflowsDirectory is not null)
        {
            var folder = Path.GetFullPath(workflowsDirectory);
            services.AddHostedService(sp => new WorkflowDirectoryLoader(
                folder,
                sp.GetRequiredService<IDefinitionStore>(),
                sp.GetRequiredService<IWorkflowValidator>(),
                sp.GetRequiredService<IActivityRegistry>(),
                sp.GetRequiredService<ILogger<WorkflowDirectoryLoader>>()));
        }

        services.AddServicesSyncProduct(dataDirectory, configuration);
        services.AddServicesSyncApi();
        return builder;
    }

    public static WebApplication ConfigureApp(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The middleware would write to the static Log.Logger, which this app leaves untouched.
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // Orchestrators probe /health every few seconds; those lines would drown the rest.
            o.GetLevel = (context, _, exception) => exception is not null || context.Response.StatusCode >= 500
                ? Serilog.Events.LogEventLevel.Error
                : context.Request.Path == "/health" ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Information;
        });
        app.UseServicesSyncApi();
        app.MapServicesSyncApi();

        var store = app.Services.GetRequiredService<IWorkflowStore>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServeCommand));
        app.Lifetime.ApplicationStarted.Register(() => LogStarted(logger, app.Urls, store.DurabilityDescription));
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ServicesSync is serving on {Urls}; store: {Durability}")]
    private static partial void LogStarted(ILogger logger, ICollection<string> urls, string durability);
}
