using System.Text.Json;
using Json.Schema;
using ServicesSync.Definitions;
using ServicesSync.Definitions.Reading;
using ServicesSync.Testing.Definitions;

namespace ServicesSync.Runtime.Tests.Definitions;

/// <summary>The published schema is itself valid, describes the model exactly, and accepts and refuses the right documents.</summary>
public sealed class WorkflowSchemaTests
{
    private static readonly JsonDocument Schema = JsonDocument.Parse(WorkflowDefinitionReader.SchemaJson);

    [Fact]
    public void Schema_IsValidAgainstTheDraft202012MetaSchema()
    {
        var result = MetaSchemas.Draft202012.Evaluate(Schema.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Schema_BuildsWithItsRefsResolved()
    {
        var schema = WorkflowSchema.Build(WorkflowDefinitionReader.SchemaJson);

        Assert.True(schema.Evaluate(JsonDocument.Parse(TestWorkflows.DesignExampleJson).RootElement).IsValid);
    }

    [Fact]
    public void Schema_EveryPropertyHasATitleAndADescription()
    {
        var missing = new List<string>();
        Walk(Schema.RootElement, "#", missing);

        Assert.True(missing.Count == 0, "Without title or description: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData(typeof(WorkflowDefinition), "")]
    [InlineData(typeof(ActivityNode), "/$defs/activity")]
    [InlineData(typeof(Connection), "/$defs/connection")]
    [InlineData(typeof(RetryPolicySpec), "/$defs/retryPolicy")]
    public void Schema_DeclaresExactlyThePropertiesTheSerializerUses(Type modelType, string schemaPointer)
    {
        var serialized = DefinitionJson.Options.GetTypeInfo(modelType).Properties
            .Where(p => p.Get is not null)
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        var declared = At(schemaPointer).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(serialized, declared);
    }

    [Fact]
    public void Schema_RetryKindsAreTheErrorKinds()
    {
        var declared = At("/$defs/retryPolicy/properties/retryOn/items").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        var kinds = Enum.GetValues<Errors.ErrorKind>().Select(k => JsonSerializer.Serialize(k, DefinitionJson.Options).Trim('"'));

        Assert.Equal(kinds, declared);
    }

    [Fact]
    public void Schema_BackoffKindsAreTheModelsKinds()
    {
        var declared = At("/$defs/retryPolicy/properties/backoff").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        var kinds = Enum.GetValues<BackoffKind>().Select(k => JsonSerializer.Serialize(k, DefinitionJson.Options).Trim('"'));

        Assert.Equal(kinds, declared);
    }

    public static TheoryData<string> ValidDefinitions => new()
    {
        TestWorkflows.DesignExampleJson,
        DefinitionJson.Serialize(TestWorkflows.Valid()),
        DefinitionJson.Serialize(TestWorkflows.Minimal(), indented: true),
        """{ "schemaVersion": 1, "id": "a", "name": "Only the required properties" }""",
        """{ "schemaVersion": 1, "id": "A.b_c-9", "name": "n", "activities": [ { "id": "x", "type": "family.deeper.name", "timeout": "P1DT2H3M4.5S" } ] }""",
    };

    [Theory]
    [MemberData(nameof(ValidDefinitions))]
    public void Schema_AcceptsValidDefinitions(string json)
    {
        Assert.True(WorkflowSchema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
    }

    [Theory]
    [InlineData("""{ "id": "a", "name": "n" }""")]
    [InlineData("""{ "schemaVersion": 2, "id": "a", "name": "n" }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "extra": 1 }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "_a", "name": "n" }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "" }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "version": -1 }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "activities": [ { "id": "x", "type": "core" } ] }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "activities": [ { "id": "x", "type": "core.Script" } ] }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "activities": [ { "id": "x", "type": "core.script", "typeVersion": 0 } ] }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "activities": [ { "id": "x", "type": "core.script", "timeout": "P" } ] }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "activities": [ { "id": "x", "type": "core.script", "timeout": "PT" } ] }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "activities": [ { "id": "x", "type": "core.script", "timeout": "P1M" } ] }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "activities": [ { "id": "x", "type": "core.script", "timeout": "-PT1S" } ] }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "activities": [ { "id": "x", "type": "core.script", "inputs": { "v": { "expression": { "code": "1" } } } } ] }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "activities": [ { "id": "x", "type": "core.script", "retry": { "maxAttempts": 101 } } ] }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "activities": [ { "id": "x", "type": "core.script", "retry": { "jitter": "yes" } } ] }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "connections": [ { "from": "a", "to": "b", "outcome": "" } ] }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "layout": { "a": { "x": "left" } } }""")]
    [InlineData("""{ "schemaVersion": 1, "id": "a", "name": "n", "variables": [] }""")]
    public void Schema_RefusesInvalidDefinitions(string json)
    {
        Assert.False(WorkflowSchema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
    }

    [Fact]
    public void Schema_IdLongerThan128Characters_IsRefused()
    {
        var json = $$"""{ "schemaVersion": 1, "id": "{{new string('a', 129)}}", "name": "n" }""";

        Assert.False(WorkflowSchema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
    }

    private static JsonElement At(string pointer)
    {
        var current = Schema.RootElement;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.GetProperty(segment);
        }

        return current;
    }

    private static void Walk(JsonElement schema, string location, List<string> missing)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var container in new[] { "properties", "$defs" })
        {
            if (!schema.TryGetProperty(container, out var children))
            {
                continue;
            }

            foreach (var child in children.EnumerateObject())
            {
                var childLocation = $"{location}/{container}/{child.Name}";
                if (!child.Value.TryGetProperty("title", out _) || !child.Value.TryGetProperty("description", out _))
                {
                    missing.Add(childLocation);
                }

                Walk(child.Value, childLocation, missing);
            }
        }

        foreach (var single in new[] { "items", "additionalProperties", "then" })
        {
            if (schema.TryGetProperty(single, out var child))
            {
                Walk(child, $"{location}/{single}", missing);
            }
        }
    }
}
