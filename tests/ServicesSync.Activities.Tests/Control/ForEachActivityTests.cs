using System.Text.Json.Nodes;
using ServicesSync.Activities.Control;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Control;

public class ForEachActivityTests
{
    [Fact]
    public async Task Execute_ItemsInput_IteratesThemWithTheGivenParallelism()
    {
        var context = new TestActivityContext()
            .ForActivity<ForEachActivity>("eachLine")
            .WithInput(JsonNode.Parse("""{ "ignored": true }"""))
            .WithInputs(new JsonObject { ["items"] = new JsonArray(1, 2, 3), ["parallelism"] = 4 });

        var result = await new ForEachActivity().RunAsync(context);

        var iterate = Assert.IsType<IterateResult>(result);
        JsonAssert.Equal("[1, 2, 3]", iterate.Items);
        Assert.Equal(4, iterate.Parallelism);
    }

    [Fact]
    public async Task Execute_WithoutItems_IteratesTheIncomingArrayOneAtATime()
    {
        var context = new TestActivityContext()
            .ForActivity<ForEachActivity>("eachLine")
            .WithInput(JsonNode.Parse("""[ { "id": "a" }, { "id": "b" } ]"""));

        var result = await new ForEachActivity().RunAsync(context);

        var iterate = Assert.IsType<IterateResult>(result);
        JsonAssert.Equal("""[ { "id": "a" }, { "id": "b" } ]""", iterate.Items);
        Assert.Equal(1, iterate.Parallelism);
    }

    [Fact]
    public async Task Execute_EmptyArray_IteratesNothing()
    {
        var context = new TestActivityContext().ForActivity<ForEachActivity>("eachLine").WithInput(new JsonArray());

        var result = await new ForEachActivity().RunAsync(context);

        Assert.Empty(Assert.IsType<IterateResult>(result).Items);
    }

    [Theory]
    [InlineData("""{ "lines": [] }""", "an object")]
    [InlineData("\"text\"", "a string")]
    [InlineData("null", "null")]
    public async Task Execute_WithoutItemsAndNonArrayMessage_FailsNamingTheActivity(string message, string kind)
    {
        var context = new TestActivityContext().ForActivity<ForEachActivity>("eachLine").WithInput(JsonNode.Parse(message));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new ForEachActivity().RunAsync(context));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal(
            $"Activity 'eachLine' (core.forEach): input 'items' is not set, so the incoming message must be an array, but it is {kind}.",
            ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    [InlineData(-3)]
    public async Task Execute_ParallelismOutOfRange_FailsWithTheRange(int parallelism)
    {
        var context = new TestActivityContext()
            .ForActivity<ForEachActivity>("eachLine")
            .WithInputs(new JsonObject { ["items"] = new JsonArray(1), ["parallelism"] = parallelism });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new ForEachActivity().RunAsync(context));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal($"Activity 'eachLine' (core.forEach): input 'parallelism' must be between 1 and 64; got {parallelism}.", ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public async Task Execute_ParallelismAtTheBounds_IsAccepted(int parallelism)
    {
        var context = new TestActivityContext()
            .ForActivity<ForEachActivity>("eachLine")
            .WithInputs(new JsonObject { ["items"] = new JsonArray(1), ["parallelism"] = parallelism });

        var result = await new ForEachActivity().RunAsync(context);

        Assert.Equal(parallelism, Assert.IsType<IterateResult>(result).Parallelism);
    }

    [Fact]
    public void Descriptor_IsAForEachWithBodyThenDone()
    {
        var descriptor = ActivityDescriptorFactory.Create<ForEachActivity>();

        Assert.Equal("core.forEach", descriptor.Type);
        Assert.Equal(FlowRole.ForEach, descriptor.Role);
        Assert.Equal(["body", "done"], descriptor.Outcomes.Select(o => o.Name));
        var items = Assert.IsType<InputDescriptor>(descriptor.FindInput("items"));
        Assert.Equal(InputTypes.Array, items.Type);
        Assert.False(items.Required);
        Assert.Null(items.Default);
        var parallelism = Assert.IsType<InputDescriptor>(descriptor.FindInput("parallelism"));
        Assert.Equal(InputTypes.Integer, parallelism.Type);
        Assert.Equal(1, parallelism.Default?.GetValue<int>());
    }
}
