using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Registry;

namespace ServicesSync.Testing.Definitions;

/// <summary>
/// Tiny activity types covering every shape the validator distinguishes: a trigger, a task with
/// inputs of each type, a second version of it, a two-outcome branch, a for-each, a join and an
/// activity with no outcomes. They do nothing when run.
/// </summary>
public static class TestActivities
{
    public const string TriggerType = "test.trigger";
    public const string TaskType = "test.task";
    public const string BranchType = "test.branch";
    public const string ForEachType = "test.forEach";
    public const string JoinType = "test.join";
    public const string EndType = "test.end";

    public static IReadOnlyList<ActivityRegistration> Registrations { get; } =
    [
        ActivityRegistration.For<Trigger>(),
        ActivityRegistration.For<Task>(),
        ActivityRegistration.For<TaskV2>(),
        ActivityRegistration.For<Branch>(),
        ActivityRegistration.For<ForEach>(),
        ActivityRegistration.For<Join>(),
        ActivityRegistration.For<End>(),
    ];

    public enum Mode
    {
        Fast,
        Careful,
    }

    [Activity(TriggerType, IsTrigger = true, Category = "Test")]
    public sealed class Trigger : Activity<TriggerInputs>
    {
        protected override ValueTask<ActivityResult> ExecuteAsync(TriggerInputs inputs, ActivityContext context)
            => ValueTask.FromResult(ActivityResult.Done(context.Input));
    }

    public sealed class TriggerInputs
    {
        [Input(Required = true, Expressions = false)]
        public string Path { get; set; } = "";
    }

    [Activity(TaskType, Category = "Test")]
    public sealed class Task : Activity<TaskInputs>
    {
        protected override ValueTask<ActivityResult> ExecuteAsync(TaskInputs inputs, ActivityContext context)
            => ValueTask.FromResult(ActivityResult.Done());
    }

    [Activity(TaskType, Version = 2, Category = "Test")]
    public sealed class TaskV2 : Activity<TaskInputs>
    {
        protected override ValueTask<ActivityResult> ExecuteAsync(TaskInputs inputs, ActivityContext context)
            => ValueTask.FromResult(ActivityResult.Done());
    }

    public sealed class TaskInputs
    {
        [Input(Required = true)]
        public string Message { get; set; } = "";

        [Input]
        public int Count { get; set; } = 1;

        [Input]
        public double Ratio { get; set; }

        [Input]
        public bool Enabled { get; set; } = true;

        [Input]
        public Mode Mode { get; set; }

        [Input]
        public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(5);

        [Input]
        public JsonNode? Payload { get; set; }

        [Input]
        public Dictionary<string, string> Headers { get; set; } = [];

        [Input]
        public string[] Tags { get; set; } = [];

        [Input(Expressions = false)]
        public string Key { get; set; } = "";
    }

    [Activity(BranchType, Category = "Test", Outcomes = ["valid", "invalid"])]
    public sealed class Branch : Activity<BranchInputs>
    {
        protected override ValueTask<ActivityResult> ExecuteAsync(BranchInputs inputs, ActivityContext context)
            => ValueTask.FromResult(ActivityResult.Outcome("valid"));
    }

    public sealed class BranchInputs
    {
        [Input]
        public int Threshold { get; set; }
    }

    [Activity(ForEachType, Category = "Test", Role = FlowRole.ForEach, Outcomes = [ActivityOutcomes.Body, ActivityOutcomes.Done])]
    public sealed class ForEach : Activity<ForEachInputs>
    {
        protected override ValueTask<ActivityResult> ExecuteAsync(ForEachInputs inputs, ActivityContext context)
            => ValueTask.FromResult(ActivityResult.Iterate([], inputs.Parallelism));
    }

    public sealed class ForEachInputs
    {
        [Input(Required = true)]
        public JsonNode? Items { get; set; }

        [Input]
        public int Parallelism { get; set; } = 1;
    }

    [Activity(JoinType, Category = "Test", Role = FlowRole.Join)]
    public sealed class Join : IActivity
    {
        public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done());
    }

    [Activity(EndType, Category = "Test", Outcomes = [])]
    public sealed class End : IActivity
    {
        public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done());
    }
}
