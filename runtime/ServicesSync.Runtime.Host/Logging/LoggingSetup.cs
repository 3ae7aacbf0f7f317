using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;
using ServicesSync.Api.Logging;

namespace ServicesSync.Host.Logging;

/// <summary>Serilog for the two long-running commands: <c>serve</c> (console + JSON file) and <c>run</c> (stderr only).</summary>
internal static class LoggingSetup
{
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{RunContext:l}{NewLine}{Exception}";

    /// <summary>For the terminal without <c>--verbose</c>: an exception is one line, never a stack trace.</summary>
    public const string BriefTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{RunContext:l}{ExceptionSummary:l}{NewLine}";

    /// <summary>Console for people, a rolling compact-JSON file under <c>DATA/logs</c> for machines.</summary>
    public static LoggerConfiguration ForServe(LoggerConfiguration logger, IConfiguration configuration, string dataDirectory, bool verbose)
        => Common(logger, verbose, LogEventLevel.Information)
            .ReadFrom.Configuration(configuration)
            // The terminal gets an exception as one line unless --verbose (a bad --urls must not
            // print Kestrel's stack trace); the JSON file below always keeps the whole exception.
            .WriteTo.Logger(console => console
                .Enrich.With<ExceptionSummaryEnricher>()
                .WriteTo.Console(outputTemplate: verbose ? ConsoleTemplate : BriefTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture))
            .WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(dataDirectory, "logs", "servicessync-.json"),
                rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: 100L * 1024 * 1024,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: 31,
                hooks: new OwnerOnlyLogFiles());

    /// <summary>Everything on stderr, so stdout holds the run's output alone.</summary>
    public static LoggerConfiguration ForRun(LoggerConfiguration logger, TextWriter error, bool verbose)
        => Common(logger, verbose, LogEventLevel.Warning)
            .Enrich.With<ExceptionSummaryEnricher>()
            .WriteTo.Sink(new TextWriterSink(
                error, new MessageTemplateTextFormatter(verbose ? ConsoleTemplate : BriefTemplate, System.Globalization.CultureInfo.InvariantCulture)));

    /// <param name="lifetimeLevel">Host start/stop messages matter for a server, not for a one-off run.</param>
    private static LoggerConfiguration Common(LoggerConfiguration logger, bool verbose, LogEventLevel lifetimeLevel)
        => logger
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", lifetimeLevel)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.With<RunContextEnricher>()
            // Last, so nothing added after it escapes the mask.
            .Enrich.With<SensitivePropertyMasker>();
}
