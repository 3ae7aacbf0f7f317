using ServicesSync.Host.Common;
using ServicesSync.Host.Transfer;
using ServicesSync.Persistence;
using ServicesSync.Registry;
using ServicesSync.Validation;

namespace ServicesSync.Host.Serve;

/// <summary>
/// <c>serve --workflows DIR</c>: at start, every <c>*.json</c> in the folder is validated, saved
/// as the draft and published when it differs from the newest published version, so a folder in
/// version control is what the server runs. A bad file is logged with its problems and skipped.
/// Registered before the engine so the engine starts with these versions in place.
/// </summary>
internal sealed partial class WorkflowDirectoryLoader(
    string directory,
    IDefinitionStore store,
    IWorkflowValidator validator,
    IActivityRegistry registry,
    ILogger<WorkflowDirectoryLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToArray();
        LogLoading(logger, files.Length, directory);
        var importer = new WorkflowImporter(validator, registry);
        // Two files with one id would publish a new version each, every start, and the last one would win.
        var loaded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            string text;
            try
            {
                text = await File.ReadAllTextAsync(file, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogSkipped(logger, name, 1, exception.Message);
                continue;
            }

            var plan = importer.Plan(name, text, publish: true);
            if (plan.Refused)
            {
                LogSkipped(logger, name, plan.Refusals.Count, string.Join(Environment.NewLine, plan.Refusals));
                continue;
            }

            var repeated = plan.Workflows
                .Where(w => loaded.ContainsKey(w.Definition.Id))
                .Select(w => $"{name}: workflow id '{w.Definition.Id}' is also in {loaded[w.Definition.Id]}; keep one file per workflow.")
                .ToArray();
            if (repeated.Length > 0)
            {
                LogSkipped(logger, name, repeated.Length, string.Join(Environment.NewLine, repeated));
                continue;
            }

            foreach (var workflow in plan.Workflows)
            {
                loaded[workflow.Definition.Id] = name;
                foreach (var warning in workflow.Problems)
                {
                    LogWarning(logger, name, ProblemFormatter.Format(name, warning));
                }
            }

            foreach (var imported in await WorkflowImporter.ApplyAsync(store, plan, publish: true, "servicessync serve --workflows", cancellationToken))
            {
                if (imported.Unchanged)
                {
                    LogUnchanged(logger, name, imported.Id, imported.PublishedVersion);
                }
                else
                {
                    LogPublished(logger, name, imported.Id, imported.PublishedVersion);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading {Count} workflow files from {Directory}")]
    private static partial void LogLoading(ILogger logger, int count, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File}: skipped, {ProblemCount} problems:\n{Problems}")]
    private static partial void LogSkipped(ILogger logger, string file, int problemCount, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File}: {Problem}")]
    private static partial void LogWarning(ILogger logger, string file, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: published workflow {WorkflowId} version {Version}")]
    private static partial void LogPublished(ILogger logger, string file, string workflowId, int? version);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: workflow {WorkflowId} unchanged, version {Version} stays current")]
    private static partial void LogUnchanged(ILogger logger, string file, string workflowId, int? version);
}
