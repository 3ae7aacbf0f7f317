using Microsoft.Extensions.Options;

namespace ServicesSync.Scripting;

/// <summary>Checks every setting at once so that a misconfigured host reports all its mistakes together.</summary>
internal sealed class ScriptingOptionsValidator : IValidateOptions<ScriptingOptions>
{
    public ValidateOptionsResult Validate(string? name, ScriptingOptions options)
    {
        var errors = new List<string>();
        var limits = options.Limits;
        if (limits is null)
        {
            return ValidateOptionsResult.Fail("Scripting: Limits must be set.");
        }

        Positive(limits.Timeout, "Limits.Timeout", errors);
        Positive(limits.RegexTimeout, "Limits.RegexTimeout", errors);
        Positive(limits.BatchDeadline, "Limits.BatchDeadline", errors);
        Positive(limits.MaxStatements, "Limits.MaxStatements", errors);
        Positive(limits.MaxMemoryBytes, "Limits.MaxMemoryBytes", errors);
        Positive(limits.MaxRecursionDepth, "Limits.MaxRecursionDepth", errors);
        Positive(limits.MaxArraySize, "Limits.MaxArraySize", errors);
        Positive(limits.MaxStringLength, "Limits.MaxStringLength", errors);
        Positive(limits.MaxResultSize, "Limits.MaxResultSize", errors);
        Positive(options.CSharpMemoryCacheSize, "CSharpMemoryCacheSize", errors);
        Positive(options.JavaScriptEnginePoolSize, "JavaScriptEnginePoolSize", errors);
        Positive(options.WorkerPoolSize, "WorkerPoolSize", errors);
        Positive(options.WorkerCpuSecondsLimit, "WorkerCpuSecondsLimit", errors);
        if (!Enum.IsDefined(options.Isolation))
        {
            errors.Add($"Scripting: Isolation must be {string.Join(" or ", Enum.GetNames<ScriptIsolation>())}, but is {options.Isolation}.");
        }

        if (options.WorkerMemoryLimitBytes < 64L * 1024 * 1024)
        {
            errors.Add($"Scripting: WorkerMemoryLimitBytes must be at least 64 MiB, but is {options.WorkerMemoryLimitBytes}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(TimeSpan value, string name, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Scripting: {name} must be positive, but is {value}.");
        }
    }

    private static void Positive(long value, string name, List<string> errors)
    {
        if (value <= 0)
        {
            errors.Add($"Scripting: {name} must be positive, but is {value}.");
        }
    }
}
