using System.CommandLine;
using System.Globalization;
using ServicesSync.Composition.Storage;
using ServicesSync.Errors;
using ServicesSync.Host.Common;
using ServicesSync.Persistence.LiteDb;
using ServicesSync.Persistence.PostgreSql;
using ServicesSync.Persistence.Transfer;

namespace ServicesSync.Host.Store;

/// <summary>
/// <c>servicessync store copy --from DIR --to CONNECTION_STRING</c>: moves a LiteDB store to an
/// empty PostgreSQL store record by record, as it is, and proves it by counting both after.
/// </summary>
internal static class StoreCopyCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from")
        {
            Description = "The data directory of the LiteDB store to copy (the --data its server used). No server may be using it.",
            HelpName = "DIR",
            Required = true,
        };
        var to = new Option<string>("--to")
        {
            Description = "The PostgreSQL store to copy into: an Npgsql connection string or a postgres:// URI. It must be empty (a new database or schema).",
            HelpName = "CONNECTION_STRING",
            Required = true,
        };

        // For tests and very large journals; the default suits every store.
        var pageSize = new Option<int>("--page-size")
        {
            Description = "Records per read and per transaction.",
            DefaultValueFactory = _ => StoreCopy.DefaultPageSize,
            Hidden = true,
        };
        var copy = new Command("copy", "Copy a LiteDB store to an empty PostgreSQL store: every record, as it is, counts checked after.") { from, to, pageSize };
        copy.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(from),
            parse.GetRequiredValue(to),
            parse.GetValue(pageSize),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return new Command("store", "Move a store between LiteDB and PostgreSQL.") { copy };
    }

    internal static async Task<int> RunAsync(string from, string to, int pageSize, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (pageSize < 1)
        {
            throw new CliException(ExitCodes.InvalidInput, "--page-size: give a number of records of at least 1.");
        }

        var directory = SourceDirectory(from);
        var target = TargetDescription(to);

        await using var source = OpenSource(directory);
        await using var destination = OpenTarget(directory, to);
        var export = source.Services.GetRequiredService<IStoreExport>();
        var import = destination.Services.GetRequiredService<IStoreImport>();

        var held = await import.CountAsync(cancellationToken);
        if (!held.IsEmpty)
        {
            throw new CliException(
                ExitCodes.InvalidInput,
                $"The target {target} is not empty: it already holds {held.Describe()}. 'store copy' writes only into an empty store (a new database or schema); nothing was copied.");
        }

        await output.WriteLineAsync($"Copying the LiteDB store in {directory} to {target} …");
        var progress = new ProgressReporter(error, "copied", "records", (await export.CountAsync(cancellationToken)).Total, TimeProvider.System);
        StoreCopyResult result;
        try
        {
            result = await StoreCopy.CopyAsync(export, import, pageSize, (batch, token) => progress.AdvanceAsync(batch.Counts.Total), cancellationToken);
            await progress.FinishAsync();
        }
        catch (ServicesSyncException exception) when (exception is not CliException)
        {
            throw new CliException(
                ExitCodes.CopyIncomplete,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The copy stopped after {progress.Done} records: {exception.Message} The target holds a partial copy: drop and re-create its database or schema before copying again."),
                exception);
        }

        await WriteCountsAsync(output, result);
        if (result.Mismatched.Count > 0)
        {
            var kinds = string.Join(", ", result.Mismatched.Select(kind => string.Create(
                CultureInfo.InvariantCulture, $"{StoreCounts.Label(kind)} ({result.Source[kind]} in the source, {result.Target[kind]} in the target)")));
            throw new CliException(ExitCodes.CopyIncomplete, $"The copy is incomplete: the counts differ for {kinds}.");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Copied {result.Source.Total} records; every count matches."));
        if (File.Exists(Path.Combine(directory, "secrets.key")))
        {
            await output.WriteLineAsync(
                $"Connection secrets are still encrypted with the key in {Path.Combine(directory, "secrets.key")}: give every node that key (ServicesSync__Secrets__Key).");
        }

        return ExitCodes.Ok;
    }

    private static string SourceDirectory(string from)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            throw new CliException(ExitCodes.InvalidInput, "--from: give the data directory of the LiteDB store to copy.");
        }

        var directory = Path.GetFullPath(from);
        if (!Directory.Exists(directory))
        {
            throw new CliException(ExitCodes.DataUnavailable, $"The data directory '{directory}' does not exist; pass --from with the directory the server used as --data.");
        }

        if (!File.Exists(Path.Combine(directory, LiteDbStoreOptions.FileName)))
        {
            throw new CliException(ExitCodes.DataUnavailable, $"The data directory '{directory}' holds no store ({LiteDbStoreOptions.FileName}); pass --from with the directory the server used as --data.");
        }

        return directory;
    }

    private static string TargetDescription(string to)
    {
        try
        {
            return "the PostgreSQL store " + StoreConnectionString.Describe(StoreConnectionString.Parse(to));
        }
        catch (ServicesSyncException exception)
        {
            throw new CliException(ExitCodes.InvalidInput, $"--to: {exception.Message}", exception);
        }
    }

    private static CliServices OpenSource(string directory)
    {
        try
        {
            return CliServices.WithStore(new StoreChoice(directory, ConnectionString: null));
        }
        catch (CliException exception) when (exception.InnerException is ServicesSyncException { InnerException: IOException io } && IsLockConflict(io))
        {
            // LiteDB's lock file: a server (or another command) has the directory open.
            throw new CliException(
                ExitCodes.DataUnavailable,
                $"The data directory '{directory}' is in use by a running servicessync process; stop the server first (the copy needs the store at rest).",
                exception);
        }
    }

    private static bool IsLockConflict(IOException exception)
        => exception.HResult switch
        {
            11 or 35 => true, // EWOULDBLOCK from flock on Linux / macOS
            _ => (exception.HResult & 0xFFFF) is 32 or 33, // sharing or lock violation on Windows
        };

    private static CliServices OpenTarget(string directory, string connectionString)
    {
        try
        {
            return CliServices.WithStore(new StoreChoice(directory, connectionString));
        }
        catch (CliException exception) when (exception.InnerException is ServicesSyncException store)
        {
            // The store's own message already names host, port, database and user (never the password).
            throw new CliException(exception.ExitCode, $"{store.Message.TrimEnd('.')}. Nothing was copied.", exception);
        }
    }

    private static async Task WriteCountsAsync(TextWriter output, StoreCopyResult result)
    {
        var width = Enum.GetValues<StoreRecordKind>().Max(kind => StoreCounts.Label(kind).Length);
        await output.WriteLineAsync($"{"kind".PadRight(width)}  {"source",10}  {"target",10}");
        foreach (var kind in Enum.GetValues<StoreRecordKind>())
        {
            var mark = result.Source[kind] == result.Target[kind] ? "" : "  MISMATCH";
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"{StoreCounts.Label(kind).PadRight(width)}  {result.Source[kind],10}  {result.Target[kind],10}{mark}"));
        }
    }
}
