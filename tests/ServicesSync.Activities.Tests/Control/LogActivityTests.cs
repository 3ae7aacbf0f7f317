using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ServicesSync.Activities.Control;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Control;

public class LogActivityTests
{
    [Fact]
    public async Task Execute_Message_LogsItAsAPropertyOfAFixedTemplate()
    {
        var context = new TestActivityContext()
            .ForActivity<LogActivity>("note")
            .WithInput(JsonNode.Parse("""{ "id": 1 }"""))
            .WithInputValue("message", "Posted {worker} {0} {{x}}");

        var result = await new LogActivity().RunAsync(context);

        JsonAssert.Equal("""{ "id": 1 }""", result.CompletedOn("done"));
        var entry = Assert.Single(context.Logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("{Message}", entry.Template);
        Assert.Equal("Posted {worker} {0} {{x}}", entry.Message);
        Assert.Equal("Posted {worker} {0} {{x}}", entry.Property("Message"));
        Assert.Null(entry.Property("Data"));
    }

    [Theory]
    [InlineData("trace", LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("information", LogLevel.Information)]
    [InlineData("warning", LogLevel.Warning)]
    [InlineData("error", LogLevel.Error)]
    public async Task Execute_Level_IsUsed(string level, LogLevel expected)
    {
        var context = new TestActivityContext()
            .ForActivity<LogActivity>("note")
            .WithInputs(new JsonObject { ["message"] = "hello", ["level"] = level });

        await new LogActivity().RunAsync(context);

        Assert.Equal(expected, Assert.Single(context.Logger.Entries).Level);
    }

    [Fact]
    public async Task Execute_Data_IsLoggedAsStructuredJsonNotInTheMessage()
    {
        var context = new TestActivityContext()
            .ForActivity<LogActivity>("note")
            .WithInputs(new JsonObject { ["message"] = "posted", ["data"] = JsonNode.Parse("""{ "hours": 7.5, "worker": "W-1" }""") });

        await new LogActivity().RunAsync(context);

        var entry = Assert.Single(context.Logger.Entries);
        Assert.Equal("posted", entry.Message);
        Assert.Equal("""{"hours":7.5,"worker":"W-1"}""", entry.Property("Data"));
        Assert.Equal("{Message}", entry.Template);
    }

    [Fact]
    public async Task Execute_UnknownLevel_FailsNamingTheInput()
    {
        var context = new TestActivityContext()
            .ForActivity<LogActivity>("note")
            .WithInputs(new JsonObject { ["message"] = "x", ["level"] = "critical" });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new LogActivity().RunAsync(context));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Contains("'level'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(context.Logger.Entries);
    }

    [Fact]
    public async Task Execute_WithoutMessage_FailsAsRequired()
    {
        var context = new TestActivityContext().ForActivity<LogActivity>("note");

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new LogActivity().RunAsync(context));

        Assert.Equal("Activity 'note' (core.log): input 'message' is required.", ex.Message);
    }

    [Fact]
    public void Descriptor_LevelOptionsDefaultToInformation()
    {
        var descriptor = ActivityDescriptorFactory.Create<LogActivity>();

        Assert.Equal("core.log", descriptor.Type);
        Assert.True(Assert.IsType<InputDescriptor>(descriptor.FindInput("message")).Required);
        var level = Assert.IsType<InputDescriptor>(descriptor.FindInput("level"));
        Assert.Equal(["trace", "debug", "information", "warning", "error"], level.Options);
        Assert.Equal("information", level.Default?.GetValue<string>());
        var data = Assert.IsType<InputDescriptor>(descriptor.FindInput("data"));
        Assert.Equal(InputTypes.Json, data.Type);
        Assert.False(data.Required);
    }
}
