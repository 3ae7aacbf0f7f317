using System.CommandLine;
using ServicesSync.Composition.Storage;
using ServicesSync.Errors;
using ServicesSync.Host.Common;
using ServicesSync.Persistence.PostgreSql.Schema;

namespace ServicesSync.Host.Database;

/// <summary><c>servicessync db migrate --store …</c>: the schema step of an upgrade, run once before the new nodes start.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var store = CommonOptions.Store();
        var migrate = new Command("migrate", "Bring the PostgreSQL store's schema up to this release (servers also do this at start).") { store };
        migrate.SetAction((parse, cancellationToken) => MigrateAsync(parse.GetValue(store), parse.InvocationConfiguration.Output));
        return new Command("db", "Operate the PostgreSQL store's database.") { migrate };
    }

    internal static async Task<int> MigrateAsync(string? storeOption, TextWriter output)
    {
        var connectionString = StoreChoice.ResolveConnectionString(storeOption)
            ?? throw new CliException(
                ExitCodes.InvalidInput,
                $"--store: give the PostgreSQL connection string (or set {StoreChoice.ConnectionStringVariable}); the LiteDB store needs no migration.");
        var target = new StoreChoice("", connectionString).Describe();
        int from, to;
        try
        {
            (from, to) = PostgreSqlSchema.Migrate(connectionString);
        }
        catch (ServicesSyncException exception)
        {
            throw new CliException(ExitCodes.DataUnavailable, exception.Message, exception);
        }

        await output.WriteLineAsync(from == to
            ? $"The schema of {target} is up to date (version {to})."
            : $"Migrated the schema of {target} from version {from} to {to}.");
        return ExitCodes.Ok;
    }
}
