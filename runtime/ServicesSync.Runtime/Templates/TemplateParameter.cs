using System.Text.Json.Nodes;

namespace ServicesSync.Templates;

/// <summary>One value a template asks for, and where in the workflow it goes.</summary>
public sealed record TemplateParameter
{
    /// <summary>camelCase name used on the command line (<c>--param erpConnection=netsuite-prod</c>).</summary>
    public required string Name { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public TemplateParameterKind Kind { get; init; } = TemplateParameterKind.String;

    /// <summary>For <see cref="TemplateParameterKind.Connection"/>: the connection type expected (netsuite, tryton …).</summary>
    public string? ConnectionType { get; init; }

    /// <summary>Used when the importer gives no value; a parameter without one is required.</summary>
    public JsonNode? Default { get; init; }

    /// <summary>Where the value is written: activity inputs and workflow variables.</summary>
    public IReadOnlyList<TemplateTarget> Targets { get; init; } = [];

    public bool Required => Default is null;
}

public enum TemplateParameterKind
{
    String,
    Number,
    Boolean,
    Json,
    Connection,
    Cron,
    TimeZone,
}

/// <summary>An activity input (<see cref="Activity"/> + <see cref="Input"/>) or a workflow variable (<see cref="Variable"/>).</summary>
public sealed record TemplateTarget
{
    public string? Activity { get; init; }

    public string? Input { get; init; }

    public string? Variable { get; init; }

    public override string ToString() => Variable is not null ? $"variable '{Variable}'" : $"input '{Input}' of activity '{Activity}'";
}
