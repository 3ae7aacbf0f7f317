using System.Text.Json.Nodes;
using ServicesSync.Activities.Transform;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Transform;

public class SetVariableActivityTests
{
    [Fact]
    public async Task Execute_SetsTheVariableAndPassesTheMessageOn()
    {
        var context = new TestActivityContext()
            .ForActivity<SetVariableActivity>("remember")
            .WithInput(JsonNode.Parse("""{ "id": 1 }"""))
            .WithInputs(new JsonObject { ["name"] = "lastId", ["value"] = new JsonObject { ["id"] = 1 } })
            .Build();

        var result = await new SetVariableActivity().ExecuteAsync(context);

        JsonAssert.Equal("""{ "id": 1 }""", result.CompletedOn("done"));
        var change = Assert.Single(context.VariableChanges);
        Assert.Equal("lastId", change.Key);
        JsonAssert.Equal("""{ "id": 1 }""", change.Value);
    }

    [Fact]
    public async Task Execute_WithoutValue_SetsNull()
    {
        var context = new TestActivityContext()
            .ForActivity<SetVariableActivity>("clear")
            .WithInputValue("name", "lastId")
            .Build();

        await new SetVariableActivity().ExecuteAsync(context);

        var change = Assert.Single(context.VariableChanges);
        Assert.Equal("lastId", change.Key);
        Assert.Null(change.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task Execute_BlankName_FailsNamingTheInput(string? name)
    {
        var context = new TestActivityContext()
            .ForActivity<SetVariableActivity>("remember")
            .WithInputValue("name", name)
            .WithInputValue("value", 3);

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new SetVariableActivity().RunAsync(context));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal("Activity 'remember' (core.setVariable): input 'name' is required and must not be blank.", ex.Message);
    }

    [Fact]
    public void Descriptor_NameIsRequiredAndFixedValueIsJson()
    {
        var descriptor = ActivityDescriptorFactory.Create<SetVariableActivity>();

        Assert.Equal("core.setVariable", descriptor.Type);
        var name = Assert.IsType<InputDescriptor>(descriptor.FindInput("name"));
        Assert.True(name.Required);
        Assert.False(name.ExpressionCapable);
        Assert.Equal(InputTypes.String, name.Type);
        var value = Assert.IsType<InputDescriptor>(descriptor.FindInput("value"));
        Assert.False(value.Required);
        Assert.True(value.ExpressionCapable);
        Assert.Equal(InputTypes.Json, value.Type);
    }
}
