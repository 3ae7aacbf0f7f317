using System.Text.Json.Nodes;
using ServicesSync.Activities.Control;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Control;

public class DeadLetterActivityTests
{
    [Fact]
    public async Task Execute_WithoutMessage_ParksTheIncomingMessage()
    {
        var context = new TestActivityContext()
            .ForActivity<DeadLetterActivity>("suspense")
            .WithInput(JsonNode.Parse("""{ "worklogId": 7 }"""))
            .WithInputValue("reason", "rate card violation");

        var result = await new DeadLetterActivity().RunAsync(context);

        var parked = Assert.IsType<DeadLetteredResult>(result);
        Assert.Equal("rate card violation", parked.Reason);
        JsonAssert.Equal("""{ "worklogId": 7 }""", parked.Message);
    }

    [Fact]
    public async Task Execute_WithMessage_ParksThatMessage()
    {
        var context = new TestActivityContext()
            .ForActivity<DeadLetterActivity>("suspense")
            .WithInput(JsonNode.Parse("""{ "worklogId": 7 }"""))
            .WithInputs(new JsonObject { ["reason"] = "no project code", ["message"] = new JsonObject { ["only"] = "this" } });

        var parked = Assert.IsType<DeadLetteredResult>(await new DeadLetterActivity().RunAsync(context));

        JsonAssert.Equal("""{ "only": "this" }""", parked.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public async Task Execute_BlankReason_FailsNamingTheInput(string? reason)
    {
        var context = new TestActivityContext().ForActivity<DeadLetterActivity>("suspense").WithInputValue("reason", reason);

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new DeadLetterActivity().RunAsync(context));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal("Activity 'suspense' (core.deadLetter): input 'reason' is required and must not be blank.", ex.Message);
    }

    [Fact]
    public void Descriptor_ReasonIsRequired()
    {
        var descriptor = ActivityDescriptorFactory.Create<DeadLetterActivity>();

        Assert.Equal("core.deadLetter", descriptor.Type);
        Assert.True(Assert.IsType<InputDescriptor>(descriptor.FindInput("reason")).Required);
        var message = Assert.IsType<InputDescriptor>(descriptor.FindInput("message"));
        Assert.False(message.Required);
        Assert.Equal(InputTypes.Json, message.Type);
    }
}
