using System.Text.Json;

namespace ServicesSync.Definitions.Reading;

/// <summary>
/// Finds the part of the workflow schema that governs a place in a definition, following the
/// same <c>properties</c>, <c>items</c>, <c>additionalProperties</c>, <c>then</c> and
/// <c>$ref</c> steps an evaluator takes. Error messages are built from what it finds (titles,
/// expected forms, allowed values), so they stay in step with the schema without being copied.
/// </summary>
internal static class SchemaNavigator
{
    private const int MaxRefHops = 8;

    /// <summary>The schema of the value at <paramref name="instancePath"/>, or null when the schema does not describe it.</summary>
    public static SchemaSite? Resolve(JsonElement root, IReadOnlyList<string> instancePath)
    {
        var site = Deref(root, root);
        foreach (var segment in instancePath)
        {
            var child = FindChild(root, site.Schema, segment);
            if (child is null)
            {
                return null;
            }

            site = Deref(root, child.Value);
        }

        return site;
    }

    /// <summary>The property names an object schema declares, for "did you mean" suggestions.</summary>
    public static IReadOnlyList<string> DeclaredProperties(JsonElement root, SchemaSite site)
    {
        var names = new List<string>();
        Collect(site.Schema);
        if (site.Schema.TryGetProperty("then", out var then))
        {
            Collect(Deref(root, then).Schema);
        }

        return names;

        void Collect(JsonElement schema)
        {
            if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                names.AddRange(properties.EnumerateObject().Select(p => p.Name));
            }
        }
    }

    private static JsonElement? FindChild(JsonElement root, JsonElement schema, string segment)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(segment, out var property))
        {
            return property;
        }

        if (schema.TryGetProperty("then", out var then) && FindChild(root, Deref(root, then).Schema, segment) is { } conditional)
        {
            return conditional;
        }

        if (schema.TryGetProperty("items", out var items) && int.TryParse(segment, out _))
        {
            return items;
        }

        return schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object
            ? additional
            : null;
    }

    private static SchemaSite Deref(JsonElement root, JsonElement schema)
    {
        // The referencing site's title wins: "Workflow id" says more than the shared "Identifier".
        var title = StringOf(schema, "title");
        string? form = null;
        for (var hop = 0; hop < MaxRefHops && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hop++)
        {
            if (LocalTarget(root, reference.GetString()) is not { } target)
            {
                break;
            }

            schema = target;
            title ??= StringOf(schema, "title");
            if (schema.TryGetProperty("pattern", out _))
            {
                form = StringOf(schema, "description");
            }
        }

        return new SchemaSite(title, form, schema);
    }

    private static JsonElement? LocalTarget(JsonElement root, string? reference)
    {
        if (reference is null || !reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var current = root;
        foreach (var segment in Validation.PointerPath.Split(reference[1..]))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string? StringOf(JsonElement schema, string keyword)
        => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>
/// The schema governing one value: its human title, the expected form of a patterned string
/// (the description of its shared definition) and the schema itself, references resolved.
/// </summary>
internal sealed record SchemaSite(string? Title, string? Form, JsonElement Schema);
