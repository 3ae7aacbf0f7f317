using System.CommandLine;
using ServicesSync.Definitions;
using ServicesSync.Host.Common;
using ServicesSync.Validation;

namespace ServicesSync.Host.Validate;

/// <summary><c>servicessync validate FILE...</c>: every problem of every file, the way a compiler lists them.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("WORKFLOW.json")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Workflow definition files to check against the schema and the activities this runtime knows.",
        };
        var command = new Command("validate", "Check workflow definitions; exit 0 only when none has an error.") { files };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(files), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string[] files, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var cli = CliServices.WithoutStore();
        var validator = cli.Services.GetRequiredService<IWorkflowValidator>();
        var failed = 0;
        foreach (var file in files)
        {
            var problems = await CheckAsync(file, validator, cancellationToken);
            foreach (var problem in problems)
            {
                await output.WriteLineAsync(ProblemFormatter.Format(file, problem));
            }

            if (problems.Any(p => p.Severity == ProblemSeverity.Error))
            {
                failed++;
            }
        }

        await error.WriteLineAsync(failed == 0
            ? $"{ProblemFormatter.Plural(files.Length, "file")} valid."
            : $"{ProblemFormatter.Plural(failed, "file")} of {files.Length} with errors.");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }

    private static async Task<IReadOnlyList<ValidationProblem>> CheckAsync(string file, IWorkflowValidator validator, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await JsonFiles.ReadTextAsync(file, "workflow file", cancellationToken);
        }
        catch (CliException exception)
        {
            return [new ValidationProblem("unreadable-file", exception.Message, "")];
        }

        var read = WorkflowDefinitionReader.Read(text);
        return read.Succeeded ? [.. read.Problems, .. validator.Validate(read.Definition)] : read.Problems;
    }
}
