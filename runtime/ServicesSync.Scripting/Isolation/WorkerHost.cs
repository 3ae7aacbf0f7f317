using Microsoft.Extensions.Logging.Abstractions;
using ServicesSync.Errors;
using ServicesSync.Expressions;
using ServicesSync.Scripting.CrossReferences;
using ServicesSync.Scripting.CSharp;
using ServicesSync.Scripting.JavaScript;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.Isolation;

/// <summary>
/// The loop inside a worker process: limit itself, warm both engines, then answer one request per
/// line. It has no store, no secrets and no network of its own; whatever a snippet manages to do
/// here, it does in a process that the host kills at the first sign of trouble.
/// </summary>
internal static class WorkerHost
{
    public static async Task<int> RunAsync(TextReader input, TextWriter output, TextWriter diagnostics)
    {
        if (await input.ReadLineAsync() is not { } configurationLine)
        {
            return 2;
        }

        var configuration = WorkerProtocol.Read<WorkerConfiguration>(configurationLine);
        foreach (var failure in ResourceLimits.Apply(configuration.CpuSecondsLimit))
        {
            await diagnostics.WriteLineAsync($"servicessync-worker: could not set {failure}");
        }

        var options = new ScriptingOptions { Limits = configuration.Limits, JavaScriptEnginePoolSize = 1 };
        var runners = new Dictionary<string, ISnippetRunner>(StringComparer.Ordinal)
        {
            [ScriptLanguages.JavaScript] = new JavaScriptRunner(options, UnavailableCrossReferences.Instance, NullLoggerFactory.Instance),
            [ScriptLanguages.CSharp] = new CSharpRunner(options, UnavailableCrossReferences.Instance, NullLoggerFactory.Instance),
        };

        // Warm: the first Roslyn compile and the first hardened engine take long; the pool waits for "ready".
        foreach (var (language, runner) in runners)
        {
            Handle(new WorkerRequest(0, language, SnippetKind.Expression, "1", null, [], "", "", "", DateTimeOffset.UnixEpoch, 60_000, null), runner);
        }

        await output.WriteLineAsync(WorkerProtocol.Write(WorkerResponse.Ready));
        await output.FlushAsync();
        while (await input.ReadLineAsync() is { } line)
        {
            var request = WorkerProtocol.Read<WorkerRequest>(line);
            var response = runners.TryGetValue(request.Language, out var runner)
                ? Handle(request, runner)
                : new WorkerResponse(request.Id, null, new WorkerError($"No {request.Language} runner in the worker.", ErrorKind.Configuration, false), []);
            await output.WriteLineAsync(WorkerProtocol.Write(response));
            await output.FlushAsync();
        }

        return 0;
    }

    private static WorkerResponse Handle(WorkerRequest request, ISnippetRunner runner)
    {
        var logger = new CollectingLogger();
        var scope = new ExpressionScope
        {
            Input = request.Input,
            Variables = request.Variables,
            WorkflowId = request.WorkflowId,
            InstanceId = request.InstanceId,
            ActivityId = request.ActivityId,
            Clock = new FixedClock(request.Now),
            Logger = logger,
        };
        var batch = request.BatchTotalMilliseconds is { } total
            ? ScriptBudget.Continue(TimeSpan.FromMilliseconds(request.RemainingMilliseconds), TimeSpan.FromMilliseconds(total))
            : null;
        try
        {
            var value = runner.RunAsync(request.Kind, request.Code, scope, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return new WorkerResponse(request.Id, value, null, logger.Entries);
        }
        catch (ServicesSyncException ex)
        {
            var error = new WorkerError(ex.Message, ex.Kind, ex.Retryable) { Budget = ex.Data[SnippetErrors.BudgetDataKey] as string };
            return new WorkerResponse(request.Id, null, error, logger.Entries);
        }
        finally
        {
            batch?.Dispose();
        }
    }
}
