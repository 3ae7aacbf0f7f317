using System.Text.Json.Nodes;
using ServicesSync.Activities.Control;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Control;

public class BatchActivityTests
{
    private static async Task<JsonNode?> BatchAsync(JsonNode? message, JsonObject inputs)
    {
        var context = new TestActivityContext().ForActivity<BatchActivity>("chunks").WithInput(message).WithInputs(inputs);
        return (await new BatchActivity().RunAsync(context)).CompletedOn("done");
    }

    [Theory]
    [InlineData("[1, 2, 3, 4, 5]", 2, "[[1, 2], [3, 4], [5]]")]
    [InlineData("[1, 2, 3, 4]", 2, "[[1, 2], [3, 4]]")]
    [InlineData("[1, 2, 3]", 5, "[[1, 2, 3]]")]
    [InlineData("[1, 2, 3]", 1, "[[1], [2], [3]]")]
    [InlineData("[]", 3, "[]")]
    [InlineData("""[{ "a": 1 }, null, "x"]""", 2, """[[{ "a": 1 }, null], ["x"]]""")]
    public async Task Execute_IncomingArray_IsChunkedInOrder(string items, int size, string expected)
    {
        var output = await BatchAsync(JsonNode.Parse(items), new JsonObject { ["size"] = size });

        JsonAssert.Equal(expected, output);
    }

    [Fact]
    public async Task Execute_ItemsInput_WinsOverTheMessage()
    {
        var output = await BatchAsync(new JsonArray(9, 9), new JsonObject { ["items"] = new JsonArray(1, 2, 3), ["size"] = 2 });

        JsonAssert.Equal("[[1, 2], [3]]", output);
    }

    [Fact]
    public async Task Execute_LargeList_KeepsEveryItemOnce()
    {
        var items = new JsonArray(Enumerable.Range(0, 25_001).Select(i => (JsonNode?)i).ToArray());

        var output = await BatchAsync(items, new JsonObject { ["size"] = 10_000 });

        var chunks = Assert.IsType<JsonArray>(output);
        Assert.Equal([10_000, 10_000, 5_001], chunks.Select(c => c!.AsArray().Count));
        Assert.Equal(25_000, chunks[2]![5_000]!.GetValue<int>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task Execute_SizeOutOfRange_FailsWithTheRange(int size)
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => BatchAsync(new JsonArray(1), new JsonObject { ["size"] = size }));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal($"Activity 'chunks' (core.batch): input 'size' must be between 1 and 10000; got {size}.", ex.Message);
    }

    [Fact]
    public async Task Execute_WithoutSize_FailsAsRequired()
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => BatchAsync(new JsonArray(1), []));

        Assert.Equal("Activity 'chunks' (core.batch): input 'size' is required.", ex.Message);
    }

    [Fact]
    public async Task Execute_WithoutItemsAndNonArrayMessage_FailsNamingTheActivity()
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => BatchAsync(new JsonObject(), new JsonObject { ["size"] = 2 }));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.StartsWith("Activity 'chunks' (core.batch): input 'items' is not set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptor_SizeIsARequiredInteger()
    {
        var descriptor = ActivityDescriptorFactory.Create<BatchActivity>();

        Assert.Equal("core.batch", descriptor.Type);
        Assert.Equal(FlowRole.Task, descriptor.Role);
        var size = Assert.IsType<InputDescriptor>(descriptor.FindInput("size"));
        Assert.Equal(InputTypes.Integer, size.Type);
        Assert.True(size.Required);
        var items = Assert.IsType<InputDescriptor>(descriptor.FindInput("items"));
        Assert.Equal(InputTypes.Array, items.Type);
        Assert.False(items.Required);
    }
}
