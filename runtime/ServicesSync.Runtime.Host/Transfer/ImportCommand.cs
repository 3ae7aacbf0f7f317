using System.CommandLine;
using ServicesSync.Host.Common;
using ServicesSync.Registry;
using ServicesSync.Templates;
using ServicesSync.Validation;

namespace ServicesSync.Host.Transfer;

/// <summary>
/// <c>servicessync import PATH... [--publish]</c>: workflow files, template folders and export
/// bundles into a store. Every source is checked before anything is written; a refused source
/// changes nothing.
/// </summary>
internal static class ImportCommand
{
    /// <summary>A template folder: its parameters applied first, then planned like any workflow file.</summary>
    private static ImportPlan PlanTemplate(WorkflowImporter importer, string path, IReadOnlyDictionary<string, string> parameters, bool publish)
    {
        var template = TemplateFolder.Read(path);
        var instance = template.Instantiate(parameters);
        var source = Path.Combine(path, TemplateFolder.WorkflowFile);
        return instance.Succeeded
            ? importer.Plan(source, instance.WorkflowJson!, publish)
            : new ImportPlan(source, [], [.. instance.Problems.Select(p => $"{source}: {p}")]);
    }

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "A workflow .json file, a template folder containing workflow.json, or an export bundle.",
        };
        var data = CommonOptions.Data();
        var store = CommonOptions.Store();
        var publish = new Option<bool>("--publish")
        {
            Description = "Also publish each workflow whose definition differs from its newest published version (refused when it has errors).",
        };
        var parameters = CommonOptions.TemplateParameter();
        var parametersFile = CommonOptions.TemplateParametersFile();
        var command = new Command("import", "Import workflows into a store as drafts, optionally publishing them.") { paths, data, store, publish, parameters, parametersFile };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(
            parse.GetRequiredValue(paths),
            new StoreArguments(parse.GetValue(data), parse.GetValue(store)),
            parse.GetValue(publish),
            await TemplateParameters.ReadAsync(parse.GetValue(parameters), parse.GetValue(parametersFile), cancellationToken),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(
        string[] paths, StoreArguments storeArguments, bool publish, IReadOnlyDictionary<string, string> templateParameters, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var plans = new List<ImportPlan>();
        await using (var cli = CliServices.WithoutStore())
        {
            var importer = new WorkflowImporter(
                cli.Services.GetRequiredService<IWorkflowValidator>(), cli.Services.GetRequiredService<IActivityRegistry>());
            // Everything is checked before anything is written: with many files that takes a while.
            var checking = new ProgressReporter(error, "checked", "sources", paths.Length, TimeProvider.System);
            foreach (var path in paths)
            {
                try
                {
                    if (Directory.Exists(path) && TemplateFolder.IsTemplate(path))
                    {
                        plans.Add(PlanTemplate(importer, path, templateParameters, publish));
                        continue;
                    }

                    var source = WorkflowImporter.ResolveSource(path);
                    var text = await JsonFiles.ReadTextAsync(source, "file", cancellationToken);
                    plans.Add(importer.Plan(source, text, publish));
                }
                catch (Exception exception) when (exception is CliException or TemplateException)
                {
                    plans.Add(new ImportPlan(path, [], [exception.Message]));
                }
                finally
                {
                    await checking.AdvanceAsync(1);
                }
            }

            await checking.FinishAsync();
        }

        RefuseRepeatedIds(plans);
        foreach (var plan in plans)
        {
            foreach (var line in plan.Refusals)
            {
                await error.WriteLineAsync(line);
            }

            if (plan.Refused)
            {
                await error.WriteLineAsync($"{plan.Source}: refused; nothing was imported from it.");
            }

            foreach (var workflow in plan.Workflows)
            {
                foreach (var problem in workflow.Problems)
                {
                    await error.WriteLineAsync(ProblemFormatter.Format(plan.Source, problem));
                }
            }
        }

        var accepted = plans.Where(p => !p.Refused && p.Workflows.Count > 0).ToArray();
        if (accepted.Length > 0)
        {
            await using var cli = CliServices.WithStore(storeArguments.ForWriting());
            foreach (var plan in accepted)
            {
                var imported = await WorkflowImporter.ApplyAsync(cli.Store, plan, publish, "servicessync import", cancellationToken);
                foreach (var workflow in imported)
                {
                    await output.WriteLineAsync($"{plan.Source}: {Describe(workflow)}");
                }
            }
        }

        return plans.Any(p => p.Refused) ? ExitCodes.InvalidInput : ExitCodes.Ok;
    }

    /// <summary>
    /// Two sources with the same workflow id would silently let the later draft replace the
    /// earlier one, as a bundle holding an id twice would; the later source is refused instead.
    /// </summary>
    private static void RefuseRepeatedIds(List<ImportPlan> plans)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            if (plan.Refused)
            {
                continue;
            }

            var repeated = plan.Workflows
                .Where(w => seen.ContainsKey(w.Definition.Id))
                .Select(w => $"{plan.Source}: workflow id '{w.Definition.Id}' is also imported from {seen[w.Definition.Id]}; import one of them.")
                .ToArray();
            if (repeated.Length > 0)
            {
                plans[i] = plan with { Workflows = [], Refusals = repeated };
                continue;
            }

            foreach (var workflow in plan.Workflows)
            {
                seen[workflow.Definition.Id] = plan.Source;
            }
        }
    }

    public static string Describe(ImportedWorkflow workflow) => workflow switch
    {
        { PublishedVersion: null } => $"imported '{workflow.Id}' as a draft",
        { Unchanged: true } => $"imported '{workflow.Id}' as a draft; version {workflow.PublishedVersion} already has this definition",
        _ => $"imported '{workflow.Id}' and published version {workflow.PublishedVersion}",
    };
}
