namespace ServicesSync.Activities;

/// <summary>The JSON value types an input may declare; literals are checked against them.</summary>
public static class InputTypes
{
    public const string String = "string";
    public const string Number = "number";
    public const string Integer = "integer";
    public const string Boolean = "boolean";
    public const string Object = "object";
    public const string Array = "array";

    /// <summary>Any JSON value.</summary>
    public const string Json = "json";

    /// <summary>A string restricted to <see cref="InputDescriptor.Options"/>.</summary>
    public const string Enum = "enum";

    /// <summary>An ISO 8601 duration string such as <c>PT30S</c>.</summary>
    public const string Duration = "duration";
}
