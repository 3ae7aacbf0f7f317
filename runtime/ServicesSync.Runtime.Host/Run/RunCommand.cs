using System.CommandLine;
using Serilog;
using ServicesSync.Composition;
using ServicesSync.Composition.Settings;
using ServicesSync.Composition.Storage;
using ServicesSync.Connections;
using ServicesSync.Definitions;
using ServicesSync.Errors;
using ServicesSync.Execution;
using ServicesSync.Host.Common;
using ServicesSync.Host.Logging;
using ServicesSync.Persistence;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Persistence.LiteDb;
using ServicesSync.Registry;
using ServicesSync.Templates;
using ServicesSync.Host.Transfer;
using ServicesSync.Validation;

namespace ServicesSync.Host.Run;

/// <summary>
/// <c>servicessync run WORKFLOW.json --input PAYLOAD.json</c>: one run in this process, no HTTP
/// server. The output JSON alone goes to stdout, logs and reasons to stderr, and the exit code
/// says how the run ended.
/// </summary>
internal static class RunCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var workflow = new Argument<string>("WORKFLOW")
        {
            Description = "The workflow definition to run (a .json file; it need not be published), or a template folder filled in with --param/--params.",
        };
        var input = new Option<string?>("--input", "-i")
        {
            Description = "A JSON file with the input message of the run (null when omitted).",
            HelpName = "PAYLOAD.json",
        };
        var connections = new Option<string?>("--connections")
        {
            Description = "A JSON file of connections keyed by id, as the connections API takes them; a secret may be written ${env:NAME}.",
            HelpName = "FILE",
        };
        var data = new Option<string?>("--data")
        {
            Description = "Keep the run in the store of this data directory (a suspended run then resumes under 'serve'); a throw-away in-memory store by default.",
            HelpName = "DIR",
        };
        var store = new Option<string?>("--store")
        {
            Description = "Keep the run in this PostgreSQL store instead (an Npgsql connection string or a postgres:// URI); only when given, never from the environment.",
            HelpName = "CONNECTION_STRING",
        };
        var trigger = new Option<string?>("--trigger") { Description = "The trigger activity to start from (default: the first trigger).", HelpName = "ID" };
        var parameters = CommonOptions.TemplateParameter();
        var parametersFile = CommonOptions.TemplateParametersFile();
        var command = new Command("run", "Run a workflow once in this process and print its output; settings as --Section:Key=value.")
        {
            workflow, input, connections, data, store, trigger, parameters, parametersFile,
        };
        command.AcceptSettings();
        command.SetAction(async (parse, cancellationToken) => await RunAsync(
            new RunSettings(
                parse.GetRequiredValue(workflow),
                parse.GetValue(input),
                parse.GetValue(connections),
                parse.GetValue(data),
                parse.GetValue(trigger),
                parse.GetValue(verbose),
                parse.GetValue(store),
                SettingArguments.From(parse),
                parse.GetValue(parameters) is { Length: > 0 } || parse.GetValue(parametersFile) is not null
                    ? await TemplateParameters.ReadAsync(parse.GetValue(parameters), parse.GetValue(parametersFile), cancellationToken)
                    : null),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(RunSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var definition = await ReadDefinitionAsync(settings, error, cancellationToken);
        var input = settings.InputFile is null ? null : await JsonFiles.ReadJsonAsync(settings.InputFile, "input file", cancellationToken);
        var connections = settings.ConnectionsFile is null ? [] : await RunConnections.ReadAsync(settings.ConnectionsFile, cancellationToken);

        using var host = BuildHost(settings, error);
        var validator = host.Services.GetRequiredService<IWorkflowValidator>();
        var problems = validator.Validate(definition);
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(ProblemFormatter.Format(settings.WorkflowFile, problem));
        }

        if (problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            throw new CliException(ExitCodes.InvalidInput, $"{settings.WorkflowFile} is not valid; nothing was run.");
        }

        CheckTrigger(definition, settings, host.Services.GetRequiredService<IActivityRegistry>());

        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (ServicesSyncException exception) when (settings.Store is not null)
        {
            throw new CliException(ExitCodes.DataUnavailable, $"Cannot use the store: {exception.Message}", exception);
        }
        catch (ServicesSyncException exception) when (settings.DataDirectory is not null)
        {
            throw new CliException(ExitCodes.DataUnavailable, $"Cannot use the data directory '{settings.DataDirectory}': {exception.Message}", exception);
        }

        if (connections.Count > 0)
        {
            try
            {
                await RunConnections.SaveAsync(host.Services.GetRequiredService<IConnectionService>(), connections, settings.ConnectionsFile!, cancellationToken);
            }
            catch
            {
                await host.StopAsync(CancellationToken.None);
                throw;
            }
        }

        try
        {
            // Ctrl+C stops the host; the wait ends with it instead of hanging.
            var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
            var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
            WorkflowInstance instance;
            try
            {
                instance = await runtime.StartAsync(
                    new StartRunRequest
                    {
                        WorkflowId = definition.Id,
                        Definition = definition,
                        Input = input,
                        TriggerActivityId = settings.TriggerActivityId,
                    },
                    interrupted.Token);
            }
            catch (ServicesSyncException exception) when (exception.Kind == ErrorKind.Validation)
            {
                // The engine refuses a run it cannot start (an input over the message limit): bad input, not a bug.
                var source = settings.InputFile is null ? "" : $"{settings.InputFile}: ";
                throw new CliException(ExitCodes.InvalidInput, $"{source}{exception.Message} Nothing was run.", exception);
            }

            await error.WriteLineAsync($"Started instance {instance.Id} of '{definition.Id}'.");

            try
            {
                instance = await RunOutcome.WaitForEndAsync(runtime, instance.Id, interrupted.Token);
            }
            catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
            {
                throw new CliException(ExitCodes.Interrupted, $"Interrupted; instance {instance.Id} did not finish.");
            }

            return await RunOutcome.ReportAsync(host.Services, instance, settings, output, error, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>A mistyped --trigger is a usage error: name the triggers the workflow does have.</summary>
    private static void CheckTrigger(WorkflowDefinition definition, RunSettings settings, IActivityRegistry registry)
    {
        if (settings.TriggerActivityId is not { } wanted)
        {
            return;
        }

        var triggers = definition.Activities
            .Where(a => registry.TryFind(a.Type, a.TypeVersion, out var registration) && registration.Descriptor.IsTrigger)
            .Select(a => a.Id)
            .ToArray();
        if (!triggers.Contains(wanted, StringComparer.Ordinal))
        {
            var known = triggers.Length == 0 ? "it has none" : $"its triggers are {string.Join(", ", triggers.Select(t => $"'{t}'"))}";
            throw new CliException(
                ExitCodes.InvalidInput, $"--trigger: '{wanted}' is not a trigger activity of '{definition.Id}' in {settings.WorkflowFile}; {known}. Nothing was run.");
        }
    }

    private static async Task<WorkflowDefinition> ReadDefinitionAsync(RunSettings settings, TextWriter error, CancellationToken cancellationToken)
    {
        var path = settings.WorkflowFile;
        string file, text;
        if (Directory.Exists(path))
        {
            (file, text) = await FillInTemplateAsync(path, settings.TemplateParameters ?? new Dictionary<string, string>(), error);
        }
        else
        {
            if (settings.TemplateParameters is not null)
            {
                throw new CliException(ExitCodes.InvalidInput, $"--param and --params fill in a template folder; {path} is a workflow file. Nothing was run.");
            }

            (file, text) = (path, await JsonFiles.ReadTextAsync(path, "workflow file", cancellationToken));
        }

        var read = WorkflowDefinitionReader.Read(text);
        foreach (var problem in read.Problems)
        {
            await error.WriteLineAsync(ProblemFormatter.Format(file, problem));
        }

        return read.Succeeded ? read.Definition : throw new CliException(ExitCodes.InvalidInput, $"{file} is not a readable workflow definition; nothing was run.");
    }

    /// <summary>A template folder, its parameters written in as <c>import</c> does; every problem named.</summary>
    private static async Task<(string File, string Json)> FillInTemplateAsync(string folder, IReadOnlyDictionary<string, string> parameters, TextWriter error)
    {
        if (!TemplateFolder.IsTemplate(folder))
        {
            throw new CliException(ExitCodes.InvalidInput, $"{folder} is a folder without a {TemplateFolder.WorkflowFile}; give a workflow .json file or a template folder. Nothing was run.");
        }

        var file = Path.Combine(folder, TemplateFolder.WorkflowFile);
        TemplateInstance instance;
        try
        {
            instance = TemplateFolder.Read(folder).Instantiate(parameters);
        }
        catch (TemplateException exception)
        {
            throw new CliException(ExitCodes.InvalidInput, $"{exception.Message} Nothing was run.", exception);
        }

        foreach (var problem in instance.Problems)
        {
            await error.WriteLineAsync($"{file}: {problem}");
        }

        return instance.Succeeded
            ? (file, instance.WorkflowJson!)
            : throw new CliException(ExitCodes.InvalidInput, $"template {folder} could not be filled in with the parameters given; nothing was run.");
    }

    private static IHost BuildHost(RunSettings settings, TextWriter error)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // The same settings sources as serve: appsettings.json, environment variables, --Section:Key=value.
        builder.Configuration
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settings.SettingArguments ?? []]);
        builder.Services.AddServicesSyncSettings(builder.Configuration);
        builder.Services.AddSerilog((_, logger) => LoggingSetup.ForRun(logger, error, settings.Verbose), preserveStaticLogger: true);
        string? directory = null;
        if (settings.Store is not null)
        {
            directory = settings.DataDirectory is null ? null : DataDirectory.Create(DataDirectory.Resolve(settings.DataDirectory));
            var store = new StoreChoice(directory ?? Path.GetTempPath(), settings.Store);
            if (settings.ConnectionsFile is not null)
            {
                // Connections added to a shared store must decrypt on the servers that run them later.
                try
                {
                    store.EnsureSharedSecretsKey(builder.Configuration);
                }
                catch (ServicesSyncException exception)
                {
                    throw new CliException(ExitCodes.InvalidInput, $"--connections: {exception.Message}", exception);
                }
            }

            builder.Services.AddServicesSyncStore(store, builder.Configuration);
        }
        else if (settings.DataDirectory is null)
        {
            builder.Services.AddInMemoryStore();
        }
        else
        {
            directory = DataDirectory.Resolve(settings.DataDirectory);
            DataDirectory.Create(directory);
            builder.Services.AddLiteDbStore(directory);
        }

        builder.Services.AddServicesSyncProduct(directory, builder.Configuration);
        if (SettingsServiceCollectionExtensions.FindSettingProblems(builder.Configuration) is { Count: > 0 } problems)
        {
            throw SettingArguments.Invalid(problems);
        }

        return builder.Build();
    }
}

internal sealed record RunSettings(
    string WorkflowFile,
    string? InputFile,
    string? ConnectionsFile,
    string? DataDirectory,
    string? TriggerActivityId,
    bool Verbose,
    string? Store = null,
    IReadOnlyList<string>? SettingArguments = null,
    IReadOnlyDictionary<string, string>? TemplateParameters = null);
