using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ServicesSync.Api;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;
using ServicesSync.Definitions;
using ServicesSync.Designer.Design.Pinning;
using ServicesSync.Execution;
using ServicesSync.Persistence;
using ServicesSync.Registry;
using ServicesSync.Validation;

namespace ServicesSync.Designer.Design.TestRuns;

/// <summary>
/// <c>POST /api/v1/design/test-runs</c>: runs the posted definition (usually the unsaved draft)
/// with a sample input, without publishing it, and answers with the journal once the run ends
/// or the wait runs out. Pinned activities return their pinned output instead of running.
/// </summary>
internal static class TestRunsApi
{
    /// <summary>Marks test runs in the runs list, so operators can tell them from real traffic.</summary>
    public const string CorrelationKey = "designer:test-run";

    public const int DefaultWaitSeconds = 30;

    public static void MapTestRunsApi(this IEndpointRouteBuilder design)
    {
        design.MapPost("/test-runs", RunAsync)
            .RequireAuthorization(ApiScopes.Run)
            .WithName("TestRunDraft")
            .WithSummary("Runs a posted definition without publishing it; pinned activities return their pinned output.")
            .Accepts<object>("application/json");
    }

    internal static async Task<Results<Ok<TestRunResponse>, Accepted<TestRunResponse>, ProblemHttpResult>> RunAsync(
        HttpRequest request,
        IWorkflowRuntime runtime,
        IInstanceStore instances,
        IWorkflowValidator validator,
        IActivityRegistry registry,
        IOptions<RuntimeOptions> runtimeOptions,
        IOptions<ServicesSyncApiOptions> apiOptions,
        CancellationToken cancellationToken)
    {
        var body = await DesignBody.ReadAsync(request, runtimeOptions.Value.MaxMessageBytes, cancellationToken);
        var (parsed, error) = TestRunRequest.Parse(body);
        if (parsed is null)
        {
            return DesignProblems.InvalidRequest(error!);
        }

        var maxWait = (int)apiOptions.Value.MaxRunWait.TotalSeconds;
        if (parsed.Wait > maxWait)
        {
            return DesignProblems.InvalidRequest($"'wait' must be between 0 and {maxWait} seconds.");
        }

        var read = WorkflowDefinitionReader.Read(parsed.Definition.ToJsonString());
        if (!read.Succeeded)
        {
            var readErrors = read.Problems.Count(p => p.Severity == ProblemSeverity.Error);
            return DesignProblems.Create(
                ProblemKinds.InvalidDefinition, $"The workflow definition has {DesignProblems.Count(readErrors, "problem")} that prevent reading it.", read.Problems);
        }

        // A pinned activity does not run, so an unfinished configuration there does not block the test.
        var blocking = validator.Validate(read.Definition)
            .Where(p => p.Severity == ProblemSeverity.Error && (p.ActivityId is null || !parsed.Pins.ContainsKey(p.ActivityId)))
            .ToArray();
        if (blocking.Length > 0)
        {
            return DesignProblems.Create(
                ProblemKinds.ValidationFailed,
                $"The workflow has {DesignProblems.Count(blocking.Length, "error")}; fix them before a test run.",
                blocking);
        }

        var definition = PinSubstitution.Apply(read.Definition, parsed.Pins, registry);
        var instance = await runtime.StartAsync(
            new StartRunRequest
            {
                WorkflowId = definition.Id,
                Definition = definition,
                Input = parsed.Input,
                TriggerActivityId = parsed.Trigger,
                CorrelationKey = CorrelationKey,
            },
            cancellationToken);
        instance = await runtime.WaitAsync(instance.Id, TimeSpan.FromSeconds(parsed.Wait ?? DefaultWaitSeconds), cancellationToken);

        var journal = await instances.GetJournalAsync(instance.Id, loopKey: null, cancellationToken);
        var response = new TestRunResponse(
            instance.Id,
            instance.Status,
            instance.OutputJson is null ? null : System.Text.Json.Nodes.JsonNode.Parse(instance.OutputJson),
            instance.Error,
            parsed.Pins.Keys.ToArray(),
            journal.Select(TestRunJournalEntry.From).ToArray());
        return instance.Status == InstanceStatus.Running
            ? TypedResults.Accepted($"/api/v1/instances/{Uri.EscapeDataString(instance.Id)}", response)
            : TypedResults.Ok(response);
    }
}
