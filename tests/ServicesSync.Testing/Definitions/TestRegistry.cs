using ServicesSync.Expressions;
using ServicesSync.Registry;
using ServicesSync.Validation;

namespace ServicesSync.Testing.Definitions;

/// <summary>Activity registries and validators built from the test activities.</summary>
public static class TestRegistry
{
    /// <summary>A registry of <see cref="TestActivities"/> and <see cref="DesignExampleActivities"/>, plus <paramref name="extra"/>.</summary>
    public static IActivityRegistry Create(params ActivityRegistration[] extra)
        => new ActivityRegistry([.. TestActivities.Registrations, .. DesignExampleActivities.Registrations, .. extra]);

    /// <summary>
    /// A validator over <see cref="Create"/>'s registry. Without <paramref name="evaluators"/> it
    /// knows the languages <c>fake</c>, <c>javascript</c> and <c>csharp</c>, all fakes.
    /// </summary>
    public static IWorkflowValidator CreateValidator(params IExpressionEvaluator[] evaluators)
        => new WorkflowValidator(
            Create(),
            evaluators.Length > 0
                ? evaluators
                : [new FakeExpressionEvaluator(), new FakeExpressionEvaluator("javascript"), new FakeExpressionEvaluator("csharp")]);

    public static DefinitionLoader CreateLoader(params IExpressionEvaluator[] evaluators)
        => new(CreateValidator(evaluators));
}
