using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities.Http;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Http;

/// <summary>Input checks that fail before anything is sent; no server is needed.</summary>
public sealed class HttpRequestInputsTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddCoreActivities().BuildServiceProvider();

    public void Dispose() => services.Dispose();

    private async Task<ServicesSyncException> FailAsync(JsonObject inputs)
    {
        var context = new TestActivityContext().ForActivity<HttpRequestActivity>("call").WithInputs(inputs);
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => services.GetRequiredService<HttpRequestActivity>().RunAsync(context));
        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.False(ex.Retryable);
        Assert.Equal(0, context.Idempotency.LookupCount);
        return ex;
    }

    [Theory]
    [InlineData("/relative/path?token=SECRET")]
    [InlineData("ftp://files.example.com/SECRET")]
    [InlineData("file:///etc/SECRET")]
    [InlineData("not a url SECRET")]
    public async Task Execute_UrlNotAbsoluteHttp_FailsWithoutEchoingIt(string url)
    {
        var ex = await FailAsync(new JsonObject { ["url"] = url });

        Assert.Equal("Activity 'call' (http.request): input 'url' must be an absolute http:// or https:// URL.", ex.Message);
    }

    [Fact]
    public async Task Execute_WithoutUrl_FailsAsRequired()
    {
        var ex = await FailAsync([]);

        Assert.Equal("Activity 'call' (http.request): input 'url' is required.", ex.Message);
    }

    [Fact]
    public async Task Execute_HeaderValueWithLineBreak_FailsNamingOnlyTheHeader()
    {
        var ex = await FailAsync(new JsonObject
        {
            ["url"] = "http://127.0.0.1:9/",
            ["headers"] = new JsonObject { ["X-Key"] = "SECRET\r\nInjected: 1" },
        });

        Assert.Contains("header 'X-Key'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_InvalidHeaderName_FailsNamingIt()
    {
        var ex = await FailAsync(new JsonObject { ["url"] = "http://127.0.0.1:9/", ["headers"] = new JsonObject { ["Bad Name"] = "v" } });

        Assert.Equal("Activity 'call' (http.request): input 'headers' has a header name that HTTP does not allow: 'Bad Name'.", ex.Message);
    }

    [Theory]
    [InlineData("PT0S")]
    [InlineData("P2D")]
    public async Task Execute_TimeoutOutOfRange_Fails(string timeout)
    {
        var ex = await FailAsync(new JsonObject { ["url"] = "http://127.0.0.1:9/", ["timeout"] = timeout });

        Assert.Contains("input 'timeout' must be longer than zero and at most P1D", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_BlankIdempotencyKey_Fails()
    {
        var ex = await FailAsync(new JsonObject { ["url"] = "http://127.0.0.1:9/", ["idempotencyKey"] = " " });

        Assert.Contains("input 'idempotencyKey' must not be blank", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[99]", "got 99")]
    [InlineData("[0]", "got 0")]
    [InlineData("[]", "at least one")]
    public async Task Execute_BadExpectedStatus_Fails(string expected, string problem)
    {
        var ex = await FailAsync(new JsonObject { ["url"] = "http://127.0.0.1:9/", ["expectedStatus"] = JsonNode.Parse(expected) });

        Assert.Contains("input 'expectedStatus'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_UnknownMethod_FailsNamingTheInput()
    {
        var ex = await FailAsync(new JsonObject { ["url"] = "http://127.0.0.1:9/", ["method"] = "trace" });

        Assert.Contains("'method'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptor_ShowsTheShapeTheDesignerNeeds()
    {
        var descriptor = ActivityDescriptorFactory.Create<HttpRequestActivity>();

        Assert.Equal("http.request", descriptor.Type);
        Assert.Equal("Connectors", descriptor.Category);
        Assert.Equal("HTTP request", descriptor.DisplayName);
        Assert.Equal(["done"], descriptor.Outcomes.Select(o => o.Name));
        Assert.Equal(
            ["method", "url", "headers", "query", "body", "timeout", "idempotencyKey", "expectedStatus"],
            descriptor.Inputs.Select(i => i.Name));

        var method = descriptor.FindInput("method")!;
        Assert.Equal(["get", "post", "put", "patch", "delete"], method.Options);
        Assert.Equal("get", method.Default?.GetValue<string>());
        Assert.True(descriptor.FindInput("url")!.Required);
        Assert.Equal(EditorHints.KeyValue, descriptor.FindInput("headers")!.Editor);
        Assert.Equal(EditorHints.KeyValue, descriptor.FindInput("query")!.Editor);
        Assert.Equal(InputTypes.Json, descriptor.FindInput("body")!.Type);
        var timeout = descriptor.FindInput("timeout")!;
        Assert.Equal(InputTypes.Duration, timeout.Type);
        Assert.Equal("PT30S", timeout.Default?.GetValue<string>());
        Assert.False(descriptor.FindInput("idempotencyKey")!.Required);
        Assert.Equal(InputTypes.Array, descriptor.FindInput("expectedStatus")!.Type);
    }
}
