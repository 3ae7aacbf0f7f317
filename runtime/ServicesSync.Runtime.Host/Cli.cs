using System.CommandLine;
using System.CommandLine.Help;
using ServicesSync.Host.Common;
using ServicesSync.Host.Database;
using ServicesSync.Host.Keys;
using ServicesSync.Host.Run;
using ServicesSync.Host.Serve;
using ServicesSync.Host.Store;
using ServicesSync.Host.Transfer;
using ServicesSync.Host.Validate;

namespace ServicesSync.Host;

/// <summary>
/// The <c>servicessync</c> command line. Every failure ends here as one readable line on stderr
/// and a distinct exit code (<see cref="ExitCodes"/>); a stack trace only with <c>--verbose</c>.
/// </summary>
internal static class Cli
{
    /// <summary>Parses and runs a command with the given writers standing for stdout and stderr.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var verbose = args.Contains("--verbose") || args.Contains("-v");
        try
        {
            if (IsHostingInvocation(args))
            {
                return await ServeCommand.RunAsync(args, new ServeSettings(), cancellationToken);
            }

            var root = CreateRootCommand();
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
            {
                foreach (var parseError in parse.Errors)
                {
                    await error.WriteLineAsync($"error: {parseError.Message}");
                }

                await error.WriteLineAsync("Run 'servicessync --help' for usage.");
                return ExitCodes.InvalidInput;
            }

            var invocation = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                // serve relies on the host's own SIGTERM handling for a graceful drain.
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (CliException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            if (verbose && exception.InnerException is not null)
            {
                await error.WriteLineAsync(exception.InnerException.ToString());
            }

            return exception.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("error: interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (Exception exception)
        {
            await error.WriteLineAsync($"error: unexpected failure: {exception.Message}{(verbose ? "" : " (run with --verbose for details)")}");
            if (verbose)
            {
                await error.WriteLineAsync(exception.ToString());
            }

            return ExitCodes.Internal;
        }
    }

    internal static RootCommand CreateRootCommand()
    {
        var verbose = CommonOptions.Verbose();
        var root = new RootCommand("ServicesSync headless runtime: serve workflows, run one, validate, import and export them, manage API keys, copy a store to PostgreSQL.")
        {
            verbose,
            ServeCommand.Create(verbose),
            RunCommand.Create(verbose),
            ValidateCommand.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
            ApiKeyCommand.Create(),
            DbCommand.Create(),
            StoreCopyCommand.Create(),
        };
        return root;
    }

    /// <summary>
    /// Tools that start the app through its entry point (WebApplicationFactory, dotnet-ef) pass
    /// host settings only, as <c>--key=value</c>, and no command: that means <c>serve</c>.
    /// </summary>
    internal static bool IsHostingInvocation(string[] args)
        => args.Length > 0 && args.All(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal));
}
