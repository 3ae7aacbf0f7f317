using ServicesSync.Activities;
using ServicesSync.Registry;

namespace ServicesSync.Testing.Definitions;

/// <summary>
/// Stand-ins with the type ids, inputs and outcomes of the DESIGN §3.3 example, so that the
/// example can be validated without the real activity library.
/// </summary>
public static class DesignExampleActivities
{
    public static IReadOnlyList<ActivityRegistration> Registrations { get; } =
    [
        ActivityRegistration.For<WorklogApproved>(),
        ActivityRegistration.For<Script>(),
        ActivityRegistration.For<ValidateRateCard>(),
        ActivityRegistration.For<PostTimeEntry>(),
        ActivityRegistration.For<DeadLetter>(),
    ];

    [Activity("jira.worklogApproved", IsTrigger = true)]
    public sealed class WorklogApproved : Activity<WebhookInputs>
    {
        protected override ValueTask<ActivityResult> ExecuteAsync(WebhookInputs inputs, ActivityContext context)
            => ValueTask.FromResult(ActivityResult.Done(context.Input));
    }

    public sealed class WebhookInputs
    {
        [Input(Required = true, Expressions = false)]
        public string Path { get; set; } = "";
    }

    [Activity("core.script")]
    public sealed class Script : Activity<ScriptInputs>
    {
        protected override ValueTask<ActivityResult> ExecuteAsync(ScriptInputs inputs, ActivityContext context)
            => ValueTask.FromResult(ActivityResult.Done());
    }

    public sealed class ScriptInputs
    {
        [Input(Type = InputTypes.Enum, Options = ["javascript", "csharp"], Expressions = false)]
        public string Language { get; set; } = "javascript";

        [Input(Required = true, Expressions = false, Editor = EditorHints.Code)]
        public string Code { get; set; } = "";
    }

    [Activity("finance.validateRateCard", Outcomes = ["valid", "invalid"])]
    public sealed class ValidateRateCard : Activity<RateCardInputs>
    {
        protected override ValueTask<ActivityResult> ExecuteAsync(RateCardInputs inputs, ActivityContext context)
            => ValueTask.FromResult(ActivityResult.Outcome("valid"));
    }

    public sealed class RateCardInputs
    {
        [Input(Required = true)]
        public string RateCard { get; set; } = "";
    }

    [Activity("erp.postTimeEntry")]
    public sealed class PostTimeEntry : Activity<PostInputs>
    {
        protected override ValueTask<ActivityResult> ExecuteAsync(PostInputs inputs, ActivityContext context)
            => ValueTask.FromResult(ActivityResult.Done());
    }

    public sealed class PostInputs
    {
        [Input(Required = true, Editor = EditorHints.Connection)]
        public string Connection { get; set; } = "";
    }

    [Activity("core.deadLetter", Outcomes = [])]
    public sealed class DeadLetter : Activity<DeadLetterInputs>
    {
        protected override ValueTask<ActivityResult> ExecuteAsync(DeadLetterInputs inputs, ActivityContext context)
            => ValueTask.FromResult(ActivityResult.DeadLetter(inputs.Reason, context.Input));
    }

    public sealed class DeadLetterInputs
    {
        [Input]
        public string Reason { get; set; } = "";
    }
}
