using ServicesSync.Templates;
using ServicesSync.Validation;

namespace ServicesSync.Designer.Design.Templates;

/// <summary>
/// One reason a template cannot be instantiated: the definition problem shape
/// (<c>{code, message, path, activityId, severity}</c>) plus <see cref="Parameter"/>, the parameter
/// whose field the message belongs next to (null for a problem of the template itself).
/// </summary>
internal sealed record TemplateProblemJson(string Code, string Message, string? Parameter, string Path, string? ActivityId, string Severity)
{
    public static TemplateProblemJson From(TemplateProblem problem)
        => new(problem.Code, problem.Message, problem.Parameter, ParameterPath(problem.Parameter), null, "error");

    public static TemplateProblemJson From(ValidationProblem problem, string? parameter)
        => new(problem.Code, problem.Message, parameter, problem.Path, problem.ActivityId, problem.Severity == ProblemSeverity.Error ? "error" : "warning");

    public static TemplateProblemJson ForParameter(string code, string parameter, string message)
        => new(code, message, parameter, ParameterPath(parameter), null, "error");

    public static TemplateProblemJson ForTemplate(string code, string message, string path = "")
        => new(code, message, null, path, null, "error");

    /// <summary>A JSON pointer into the request body, so a client without a form can still point at the value.</summary>
    private static string ParameterPath(string? parameter)
        => parameter is null ? "" : $"/{InstantiateTemplateRequest.ParametersProperty}/{parameter.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
}
