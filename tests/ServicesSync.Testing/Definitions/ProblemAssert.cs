using ServicesSync.Validation;

namespace ServicesSync.Testing.Definitions;

/// <summary>Assertions over validation problems that print every problem when they fail.</summary>
public static class ProblemAssert
{
    /// <summary>Exactly one problem has <paramref name="code"/>; returns it.</summary>
    public static ValidationProblem Single(IEnumerable<ValidationProblem> problems, string code)
    {
        var all = problems.ToList();
        var matches = all.Where(p => p.Code == code).ToList();
        Assert.True(matches.Count == 1, $"Expected one '{code}' problem, found {matches.Count}:{Listing(all)}");
        return matches[0];
    }

    /// <summary>Exactly one problem has <paramref name="code"/>, at <paramref name="path"/>, naming <paramref name="activityId"/>.</summary>
    public static ValidationProblem Single(IEnumerable<ValidationProblem> problems, string code, string path, string? activityId)
    {
        var problem = Single(problems, code);
        Assert.Equal(path, problem.Path);
        Assert.Equal(activityId, problem.ActivityId);
        return problem;
    }

    public static void NoErrors(IEnumerable<ValidationProblem> problems)
    {
        var all = problems.ToList();
        Assert.True(all.All(p => p.Severity != ProblemSeverity.Error), $"Expected no errors:{Listing(all)}");
    }

    public static void Empty(IEnumerable<ValidationProblem> problems)
    {
        var all = problems.ToList();
        Assert.True(all.Count == 0, $"Expected no problems:{Listing(all)}");
    }

    private static string Listing(List<ValidationProblem> problems)
        => problems.Count == 0 ? " (none)" : string.Concat(problems.Select(p => $"\n  {p} [{p.Severity}]"));
}
