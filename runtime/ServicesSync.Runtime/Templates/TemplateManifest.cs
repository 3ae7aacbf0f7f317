namespace ServicesSync.Templates;

/// <summary>
/// <c>template.json</c> of a starter template: what it is for and the parameters a consultant
/// must give when importing it (connections, rate card, schedule, target mapping). Secrets are
/// never parameters: a connection parameter carries a connection's id, whose secrets live in the
/// encrypted store of the target installation.
/// </summary>
public sealed record TemplateManifest
{
    public const int CurrentTemplateVersion = 1;

    public int TemplateVersion { get; init; } = CurrentTemplateVersion;

    public required string Title { get; init; }

    public string Summary { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<TemplateParameter> Parameters { get; init; } = [];
}
