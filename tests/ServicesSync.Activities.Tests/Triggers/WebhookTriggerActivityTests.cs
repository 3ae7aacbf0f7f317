using System.Text.Json.Nodes;
using ServicesSync.Activities.Triggers;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Triggers;

public class WebhookTriggerActivityTests
{
    [Fact]
    public async Task Execute_WithRequestBody_PassesItOnDone()
    {
        var context = new TestActivityContext()
            .ForActivity<WebhookTriggerActivity>("hook")
            .WithInputs(new JsonObject { ["path"] = "jira/worklogs", ["method"] = "put" })
            .WithInput(JsonNode.Parse("""{ "worklogId": 10023 }"""));

        var result = await new WebhookTriggerActivity().RunAsync(context);

        JsonAssert.Equal("""{ "worklogId": 10023 }""", result.CompletedOn("done"));
    }

    [Fact]
    public void Descriptor_PathIsRequiredAndKnownBeforeARun()
    {
        var descriptor = ActivityDescriptorFactory.Create<WebhookTriggerActivity>();

        Assert.Equal("core.webhook", descriptor.Type);
        Assert.True(descriptor.IsTrigger);
        Assert.Equal("Triggers", descriptor.Category);
        var path = Assert.IsType<InputDescriptor>(descriptor.FindInput("path"));
        Assert.Equal(InputTypes.String, path.Type);
        Assert.True(path.Required);
        Assert.False(path.ExpressionCapable);
    }

    [Fact]
    public void Descriptor_MethodIsPostOrPutDefaultingToPost()
    {
        var method = Assert.IsType<InputDescriptor>(ActivityDescriptorFactory.Create<WebhookTriggerActivity>().FindInput("method"));

        Assert.Equal(InputTypes.Enum, method.Type);
        Assert.Equal(EditorHints.Select, method.Editor);
        Assert.Equal(["post", "put"], method.Options);
        Assert.Equal("post", method.Default?.GetValue<string>());
        Assert.False(method.Required);
    }

    [Fact]
    public void Descriptor_AuthSchemesModesAndLimits_AreKnownBeforeARun_ExceptTheDedupeKey()
    {
        var descriptor = ActivityDescriptorFactory.Create<WebhookTriggerActivity>();

        Assert.Equal(["none", "hmacSha256", "bambooHr", "sharedSecret", "apiKey"], descriptor.FindInput("auth")!.Options);
        Assert.Equal(["async", "sync"], descriptor.FindInput("mode")!.Options);
        Assert.Equal(300, descriptor.FindInput("toleranceSeconds")!.Default!.GetValue<int>());
        Assert.Equal(1024 * 1024, descriptor.FindInput("maxBodyBytes")!.Default!.GetValue<int>());
        Assert.Equal(64, descriptor.FindInput("maxDepth")!.Default!.GetValue<int>());
        Assert.All(
            descriptor.Inputs.Where(i => i.Name != "dedupeKey"),
            i => Assert.False(i.ExpressionCapable, $"{i.Name} is read when the route table is built"));
        Assert.True(descriptor.FindInput("dedupeKey")!.ExpressionCapable);
        Assert.Contains("NAME of the secret", descriptor.FindInput("secret")!.Description, StringComparison.Ordinal);
    }
}
