using System.CommandLine;
using ServicesSync.Definitions;
using ServicesSync.Host.Common;

namespace ServicesSync.Host.Transfer;

/// <summary><c>servicessync export --out FILE</c>: drafts (or newest published versions) as one bundle that <c>import</c> reads back.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var store = CommonOptions.Store();
        var workflows = new Option<string[]>("--workflow", "-w")
        {
            Description = "Export only this workflow id (repeat for several); every workflow by default.",
            HelpName = "ID",
        };
        var published = new Option<bool>("--published") { Description = "Export the newest published version of each workflow instead of its draft." };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The bundle file to write ('-' for standard output).",
            HelpName = "FILE",
            Required = true,
        };
        var command = new Command("export", "Export workflows from a store as a bundle.") { data, store, workflows, published, output };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new StoreArguments(parse.GetValue(data), parse.GetValue(store)),
            parse.GetValue(workflows) ?? [],
            parse.GetValue(published),
            parse.GetRequiredValue(output),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(
        StoreArguments storeArguments, string[] ids, bool published, string outFile, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(outFile))
        {
            throw new CliException(ExitCodes.InvalidInput, "--out: give the bundle file to write, or - for standard output.");
        }

        var choice = storeArguments.ForReading();
        await using var cli = CliServices.WithStore(choice);
        var store = cli.Store;
        var named = ids.Length > 0;
        var selected = named ? ids.Distinct(StringComparer.Ordinal).ToArray() : (await store.ListAsync(cancellationToken)).Select(s => s.Id).ToArray();

        var definitions = new List<WorkflowDefinition>();
        foreach (var id in selected)
        {
            WorkflowDefinition? definition = published
                ? (await store.GetPublishedAsync(id, version: null, cancellationToken))?.Definition
                : (await store.GetDraftAsync(id, cancellationToken))?.Definition;
            if (definition is not null)
            {
                definitions.Add(definition);
                continue;
            }

            var missing = published ? $"workflow '{id}' has no published version" : $"workflow '{id}' has no draft";
            if (named)
            {
                throw new CliException(ExitCodes.NotFound, $"Cannot export: {missing} in {choice.Describe()}.");
            }

            await error.WriteLineAsync($"Skipped: {missing}.");
        }

        var bundle = WorkflowBundle.Write(definitions, cli.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var summary = $"Exported {ProblemFormatter.Plural(definitions.Count, "workflow")}";
        if (outFile == "-")
        {
            await output.WriteAsync(bundle);
            await error.WriteLineAsync($"{summary}.");
            return ExitCodes.Ok;
        }

        await WriteAtomicallyAsync(outFile, bundle, cancellationToken);
        await output.WriteLineAsync($"{summary} to {outFile}.");
        return ExitCodes.Ok;
    }

    // A crash half-way never leaves a truncated bundle behind under the requested name.
    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(temporary, content, cancellationToken);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The half-step must not stay behind beside a target that could not be replaced.
            DeleteQuietly(temporary);
            var reason = Directory.Exists(full) ? "it is a directory; give a file name" : exception.Message;
            throw new CliException(ExitCodes.InvalidInput, $"Cannot write '{path}': {reason}");
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The write failed for the same reason; the original error is the one to report.
        }
    }
}
