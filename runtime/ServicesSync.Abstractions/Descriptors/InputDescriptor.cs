using System.Text.Json.Nodes;

namespace ServicesSync.Activities;

/// <summary>One input of an activity: its JSON type, how the designer edits it, and its rules.</summary>
public sealed record InputDescriptor
{
    /// <summary>camelCase name used as the key in a node's <c>inputs</c> object.</summary>
    public required string Name { get; init; }

    /// <summary>One of <see cref="InputTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>One of <see cref="EditorHints"/>.</summary>
    public required string Editor { get; init; }

    public string DisplayName { get; init; } = "";

    public string Description { get; init; } = "";

    public bool Required { get; init; }

    public JsonNode? Default { get; init; }

    /// <summary>Whether the value may be a JavaScript or C# expression instead of a literal.</summary>
    public bool ExpressionCapable { get; init; } = true;

    /// <summary>Allowed values of an <see cref="InputTypes.Enum"/> input.</summary>
    public IReadOnlyList<string>? Options { get; init; }
}
