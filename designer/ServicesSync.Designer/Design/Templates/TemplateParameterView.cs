using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Templates;

namespace ServicesSync.Designer.Design.Templates;

/// <summary>
/// A template parameter as the gallery's form needs it. Where the value goes (its targets) stays
/// on the server: the form asks for values, the server writes them in.
/// </summary>
internal sealed record TemplateParameterView(
    string Name,
    string Kind,
    string Title,
    string Description,
    string? ConnectionType,
    JsonNode? Default,
    bool Required)
{
    public static TemplateParameterView From(TemplateParameter parameter)
        => new(
            parameter.Name,
            KindName(parameter.Kind),
            parameter.Title,
            parameter.Description,
            parameter.ConnectionType,
            parameter.Default?.DeepClone(),
            parameter.Required);

    /// <summary>The kind as written in <c>template.json</c> (<c>timeZone</c>, <c>json</c> …).</summary>
    public static string KindName(TemplateParameterKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
