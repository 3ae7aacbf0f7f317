using ServicesSync.Validation;

namespace ServicesSync.Host.Common;

/// <summary>One problem per line, <c>FILE: PATH (activity 'ID'): MESSAGE [CODE]</c>, warnings marked, as compilers print them.</summary>
internal static class ProblemFormatter
{
    public static string Format(string source, ValidationProblem problem)
    {
        var path = string.IsNullOrEmpty(problem.Path) ? "/" : problem.Path;
        var activity = problem.ActivityId is null ? "" : $" (activity '{problem.ActivityId}')";
        var marker = problem.Severity == ProblemSeverity.Warning ? "warning: " : "";
        return $"{source}: {path}{activity}: {marker}{problem.Message} [{problem.Code}]";
    }

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
