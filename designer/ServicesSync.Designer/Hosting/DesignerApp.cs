using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using ServicesSync.Api;
using ServicesSync.Api.Logging;
using ServicesSync.Composition;
using ServicesSync.Designer.Design;
using ServicesSync.Designer.Design.Templates;
using ServicesSync.Designer.Web;
using ServicesSync.Composition.Settings;
using ServicesSync.Composition.Storage;

namespace ServicesSync.Designer.Hosting;

/// <summary>
/// Composes the designer: the engine on LiteDB (or the shared PostgreSQL store) and the management API exactly as
/// <c>servicessync serve</c> has them (<c>AddServicesSyncProduct</c>, <c>AddServicesSyncApi</c>,
/// <c>MapServicesSyncApi</c>), plus the design-time endpoints and the browser app.
/// </summary>
internal static class DesignerApp
{
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The app is built next to the binaries, wherever `dotnet run` is started from.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Configuration.AddCommandLine(args, DesignerSettings.SwitchMappings);
        var configuration = builder.Configuration;
        var dataDirectory = DesignerSettings.ResolveDataDirectory(configuration);
        Persistence.OwnerOnlyFiles.CreateDirectory(dataDirectory);

        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DesignerSettings.DefaultUrl);
        }

        builder.Services.AddSerilog(
            (_, logger) => logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
                .Enrich.FromLogContext()
                .ReadFrom.Configuration(configuration)
                .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                // Last, as in `serve`: properties named like secrets are masked before any sink sees them.
                .Enrich.With<SensitivePropertyMasker>(),
            preserveStaticLogger: true);

        var services = builder.Services;
        services.AddServicesSyncSettings(configuration);
        services.AddOptions<HostOptions>().Configure<IOptions<RuntimeOptions>>(
            (host, runtime) => host.ShutdownTimeout = runtime.Value.ShutdownDrainTimeout);

        // LiteDB under the data directory, or the PostgreSQL database the runtimes share (--store).
        var store = new StoreChoice(dataDirectory, StoreChoice.ResolveConnectionString(null, configuration));
        store.EnsureSharedSecretsKey(configuration);
        services.AddServicesSyncStore(store, configuration);
        // Before the engine's hosted services, so a first-time user can sign in as soon as the URL answers.
        services.AddSingleton(new InitialApiKeyOptions(dataDirectory, Console.Out));
        services.AddHostedService<InitialApiKey>();

        // The same engine, activity libraries and script languages as `servicessync serve`.
        services.AddServicesSyncProduct(dataDirectory, configuration);
        services.AddServicesSyncApi();
        services.AddDesignApi(new TemplateCatalogOptions(DesignerSettings.ResolveTemplatesDirectory(configuration)));
        return builder;
    }

    /// <summary>
    /// Builds the app and checks its settings; null, with one line per bad setting in
    /// <paramref name="problems"/>, when a ServicesSync setting is unknown or invalid.
    /// </summary>
    public static WebApplication? TryBuild(string[] args, out IReadOnlyList<string> problems)
    {
        var builder = CreateBuilder(args);
        problems = SettingsServiceCollectionExtensions.FindSettingProblems(builder.Configuration);
        return problems.Count == 0 ? builder.Build() : null;
    }

    public static WebApplication Configure(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // The browser polls runs and validates as people type: those lines are noise at Information.
            o.GetLevel = (context, _, exception) => exception is not null || context.Response.StatusCode >= 500
                ? LogEventLevel.Error
                : LogEventLevel.Debug;
        });
        app.UseServicesSyncApi(beforeRouting: web => web.UseBrowserApp());
        app.MapServicesSyncApi();
        app.MapDesignApi();
        app.MapBrowserAppFallback();
        return app;
    }
}
