namespace ServicesSync.Activities;

/// <summary>
/// Describes one property of an activity's inputs class. The JSON type is inferred from the
/// property's CLR type unless <see cref="Type"/> overrides it; the default value is the
/// property's initial value in a new inputs object.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }

    public string Description { get; init; } = "";

    public bool Required { get; init; }

    /// <summary>One of <see cref="EditorHints"/>; inferred from the type when null.</summary>
    public string? Editor { get; init; }

    /// <summary>One of <see cref="InputTypes"/>; inferred from the CLR type when null.</summary>
    public string? Type { get; init; }

    /// <summary>False for inputs that must be known before a run starts (a webhook path, a cron).</summary>
    public bool Expressions { get; init; } = true;

    public string[]? Options { get; init; }
}
