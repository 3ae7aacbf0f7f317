using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Definitions;
using ServicesSync.Testing.Definitions;
using ServicesSync.Validation;

namespace ServicesSync.Runtime.Tests.Validation;

public sealed class DefinitionLoaderTests
{
    private const string SemanticallyWrong = """
        { "schemaVersion": 1, "id": "wf", "name": "n",
          "activities": [ { "id": "start", "type": "test.trigger", "inputs": { "path": "in" } }, { "id": "work", "type": "test.task" } ],
          "connections": [ { "from": "start", "to": "work" } ] }
        """;

    [Fact]
    public void Load_StructurallyBrokenJson_ReturnsOnlyReadingProblems()
    {
        var result = TestRegistry.CreateLoader().Load("""{ "schemaVersion": 1, "id": "wf", "name": "n", "activities": [ { "id": "a" } ] }""");

        Assert.Null(result.Definition);
        ProblemAssert.Single(result.Problems, ProblemCodes.MissingProperty, "/activities/0/type", "a");
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Load_SemanticProblems_KeepsTheDefinitionBesideThem()
    {
        var result = TestRegistry.CreateLoader().Load(SemanticallyWrong);

        Assert.NotNull(result.Definition);
        Assert.False(result.Succeeded);
        ProblemAssert.Single(result.Problems, ProblemCodes.MissingInput, "/activities/1/inputs/message", "work");
    }

    [Fact]
    public async Task LoadAsync_Stream_ReadsAndValidates()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(SemanticallyWrong));

        var result = await TestRegistry.CreateLoader().LoadAsync(stream);

        ProblemAssert.Single(result.Problems, ProblemCodes.MissingInput);
    }

    [Fact]
    public void Load_Bytes_ReadsAndValidates()
    {
        var result = TestRegistry.CreateLoader().Load(Encoding.UTF8.GetBytes(TestWorkflows.DesignExampleJson));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Load_DefinitionInMemory_IsValidated()
    {
        var result = TestRegistry.CreateLoader().Load(TestWorkflows.Minimal() with { Connections = [] });

        ProblemAssert.Single(result.Problems, ProblemCodes.Unreachable, "/activities/1", "work");
    }

    [Fact]
    public void Load_WarningsOnly_Succeeds()
    {
        var definition = TestWorkflows.Minimal() with { Layout = new System.Text.Json.Nodes.JsonObject { ["gone"] = new System.Text.Json.Nodes.JsonObject() } };

        var result = TestRegistry.CreateLoader().Load(DefinitionJson.Serialize(definition));

        Assert.True(result.Succeeded);
        Assert.Equal(ProblemSeverity.Warning, Assert.Single(result.Problems).Severity);
    }

    [Fact]
    public void AddWorkflowValidation_RegistersTheValidatorAndTheLoaderOnce()
    {
        var services = new ServiceCollection();

        services.AddWorkflowValidation().AddWorkflowValidation();

        Assert.Equal(typeof(WorkflowValidator), Assert.Single(services, d => d.ServiceType == typeof(IWorkflowValidator)).ImplementationType);
        Assert.Single(services, d => d.ServiceType == typeof(DefinitionLoader));
    }
}
