using ServicesSync.Definitions;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;

namespace ServicesSync.Runtime.Tests.Validation;

/// <summary>Definitions built in code skip the schema, so the validator checks the same bounds.</summary>
public sealed class RetryRulesTests
{
    private static IReadOnlyList<ValidationProblem> ValidateWork(Func<ActivityNode, ActivityNode> change)
    {
        var minimal = TestWorkflows.Minimal();
        return TestRegistry.CreateValidator().Validate(minimal with { Activities = [minimal.Activities[0], change(minimal.Activities[1])] });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_MaxAttemptsOutOfRange_IsReported(int attempts)
    {
        var problems = ValidateWork(n => n with { Retry = new RetryPolicySpec { MaxAttempts = attempts } });

        var problem = ProblemAssert.Single(problems, ProblemCodes.InvalidMaxAttempts, "/activities/1/retry/maxAttempts", "work");
        Assert.Equal($"maxAttempts must be between 1 and 100 (1 means no retry), not {attempts}", problem.Message);
    }

    [Fact]
    public void Validate_MaxDelayShorterThanInitialDelay_IsReported()
    {
        var problems = ValidateWork(n => n with { Retry = new RetryPolicySpec { InitialDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(5) } });

        var problem = ProblemAssert.Single(problems, ProblemCodes.InvalidRetryDelay, "/activities/1/retry/maxDelay", "work");
        Assert.Equal("maxDelay (PT5S) is shorter than initialDelay (PT10S)", problem.Message);
    }

    [Fact]
    public void Validate_NegativeInitialDelay_IsReported()
    {
        var problems = ValidateWork(n => n with { Retry = new RetryPolicySpec { InitialDelay = TimeSpan.FromSeconds(-1) } });

        ProblemAssert.Single(problems, ProblemCodes.InvalidRetryDelay, "/activities/1/retry/initialDelay", "work");
    }

    [Fact]
    public void Validate_ZeroTimeout_IsReported()
    {
        var problems = ValidateWork(n => n with { Timeout = TimeSpan.Zero });

        var problem = ProblemAssert.Single(problems, ProblemCodes.InvalidTimeout, "/activities/1/timeout", "work");
        Assert.Equal("the timeout must be longer than zero, not PT0S", problem.Message);
    }

    [Fact]
    public void Validate_SensibleRetryAndTimeout_AreAccepted()
    {
        var problems = ValidateWork(n => n with
        {
            Timeout = TimeSpan.FromSeconds(1),
            Retry = new RetryPolicySpec { MaxAttempts = 100, InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        });

        ProblemAssert.Empty(problems);
    }
}
