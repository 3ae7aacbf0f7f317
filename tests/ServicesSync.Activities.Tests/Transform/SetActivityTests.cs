using System.Text.Json.Nodes;
using ServicesSync.Activities.Transform;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Transform;

public class SetActivityTests
{
    private static readonly JsonNode Worklog = JsonNode.Parse("""
        {
          "author": { "accountId": "acc-7", "displayName": "Zoë Ångström" },
          "timeSpentSeconds": 5400,
          "billable": true,
          "items": [ { "id": "I-1" }, { "id": "I-2" } ],
          "tags": ["a", "b"],
          "comment": null
        }
        """)!;

    private static async Task<JsonNode?> RenderAsync(string template, Action<TestActivityContext>? configure = null)
    {
        var context = new TestActivityContext()
            .ForActivity<SetActivity>("map")
            .WithInput(Worklog)
            .WithInputValue("template", JsonNode.Parse(template));
        configure?.Invoke(context);
        var result = await new SetActivity().RunAsync(context);
        return result.CompletedOn("done");
    }

    [Fact]
    public async Task Execute_SinglePlaceholders_KeepTheirJsonTypes()
    {
        var output = await RenderAsync("""
            {
              "seconds": "{{input.timeSpentSeconds}}",
              "billable": "{{input.billable}}",
              "author": "{{input.author}}",
              "tags": "{{input.tags}}",
              "first": "{{input.items[0].id}}",
              "comment": "{{input.comment}}"
            }
            """);

        JsonAssert.Equal("""
            {
              "seconds": 5400,
              "billable": true,
              "author": { "accountId": "acc-7", "displayName": "Zoë Ångström" },
              "tags": ["a", "b"],
              "first": "I-1",
              "comment": null
            }
            """, output);
    }

    [Fact]
    public async Task Execute_PlaceholdersInText_AreStringified()
    {
        var output = await RenderAsync("""
            { "note": "{{input.author.displayName}} logged {{input.timeSpentSeconds}}s on {{input.tags}} billable={{input.billable}}" }
            """);

        JsonAssert.Equal("""{ "note": "Zoë Ångström logged 5400s on [\"a\",\"b\"] billable=true" }""", output);
    }

    [Fact]
    public async Task Execute_MissingPath_IsNullAloneAndEmptyInText()
    {
        var output = await RenderAsync("""{ "alone": "{{input.nope.deeper}}", "inText": "[{{input.items[5].id}}]", "nullInText": "<{{input.comment}}>" }""");

        JsonAssert.Equal("""{ "alone": null, "inText": "[]", "nullInText": "<>" }""", output);
    }

    [Fact]
    public async Task Execute_Variables_AreReachableByName()
    {
        var output = await RenderAsync(
            """{ "rateCard": "{{vars.rateCardId}}", "minutes": "{{ vars.rounding.minutes }}", "label": "card {{vars.rateCardId}}" }""",
            context => context
                .WithVariable("rateCardId", "standard-2026")
                .WithVariable("rounding", JsonNode.Parse("""{ "minutes": 15 }""")));

        JsonAssert.Equal("""{ "rateCard": "standard-2026", "minutes": 15, "label": "card standard-2026" }""", output);
    }

    [Fact]
    public async Task Execute_UnknownVariable_IsNull()
    {
        var output = await RenderAsync("""{ "v": "{{vars.unknown}}" }""");

        JsonAssert.Equal("""{ "v": null }""", output);
    }

    [Fact]
    public async Task Execute_EscapedBraces_WriteLiteralBraces()
    {
        var output = await RenderAsync("""{ "literal": "{{{{input.author}} is not replaced", "mixed": "{{{{x}} and {{input.billable}}", "alone": "{{{{" }""");

        JsonAssert.Equal("""{ "literal": "{{input.author}} is not replaced", "mixed": "{{x}} and true", "alone": "{{" }""", output);
    }

    [Fact]
    public async Task Execute_NestedArraysAndNonStrings_AreRenderedAndCopied()
    {
        var output = await RenderAsync("""{ "lines": [ { "id": "{{input.items[1].id}}", "qty": 2 }, 3.5, false, null ], "fixed": { "k": "v" } }""");

        JsonAssert.Equal("""{ "lines": [ { "id": "I-2", "qty": 2 }, 3.5, false, null ], "fixed": { "k": "v" } }""", output);
    }

    [Fact]
    public async Task Execute_PropertyNames_AreNotRendered()
    {
        var output = await RenderAsync("""{ "{{input.billable}}": 1 }""");

        JsonAssert.Equal("""{ "{{input.billable}}": 1 }""", output);
    }

    [Fact]
    public async Task Execute_TemplateThatIsOneString_RendersToThatValue()
    {
        var output = await RenderAsync("\"{{input.items}}\"");

        JsonAssert.Equal("""[ { "id": "I-1" }, { "id": "I-2" } ]""", output);
    }

    [Fact]
    public async Task Execute_WholeInput_IsReachable()
    {
        var output = await RenderAsync("""{ "copy": "{{input}}" }""");

        JsonAssert.Equal(new JsonObject { ["copy"] = Worklog.DeepClone() }, output);
    }

    [Fact]
    public async Task Execute_UnicodeInTextAndObjects_IsKeptUnescaped()
    {
        var output = await RenderAsync("""{ "greeting": "こんにちは {{input.author}} 👋" }""");

        Assert.Equal(
            """こんにちは {"accountId":"acc-7","displayName":"Zoë Ångström"} 👋""",
            output!["greeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_DoesNotChangeTheIncomingMessage()
    {
        var context = new TestActivityContext()
            .ForActivity<SetActivity>("map")
            .WithInputValue("template", JsonNode.Parse("""{ "author": "{{input.author}}" }"""));
        var built = context.WithInput(Worklog).Build();

        var result = await new SetActivity().ExecuteAsync(built);
        result.CompletedOn("done")!["author"]!["accountId"] = "changed";

        Assert.Equal("acc-7", built.Input!["author"]!["accountId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "a": { "b": "x {{input.author" } }""", "at 'a.b'", "not closed")]
    [InlineData("""{ "a": ["{{env.PATH}}"] }""", "at 'a[0]'", "must start with 'input' or 'vars'")]
    [InlineData("""{ "a": "{{input..x}}" }""", "at 'a'", "not a valid path")]
    [InlineData("""{ "a": "{{vars[0]}}" }""", "at 'a'", "must name a variable")]
    [InlineData("""{ "a": "{{}}" }""", "at 'a'", "not a valid path")]
    public async Task Execute_BadPlaceholder_FailsNamingActivityAndLocation(string template, string location, string problem)
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => RenderAsync(template));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.False(ex.Retryable);
        Assert.StartsWith("Activity 'map' (core.set): input 'template' " + location, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_WithoutTemplate_FailsAsRequired()
    {
        var context = new TestActivityContext().ForActivity<SetActivity>("map").WithInput(Worklog);

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new SetActivity().RunAsync(context));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal("Activity 'map' (core.set): input 'template' is required.", ex.Message);
    }

    [Fact]
    public void Descriptor_TemplateIsRequiredJson()
    {
        var descriptor = ActivityDescriptorFactory.Create<SetActivity>();

        Assert.Equal("core.set", descriptor.Type);
        Assert.Equal("Transform", descriptor.Category);
        Assert.False(descriptor.IsTrigger);
        Assert.Equal(["done"], descriptor.Outcomes.Select(o => o.Name));
        var template = Assert.Single(descriptor.Inputs);
        Assert.Equal("template", template.Name);
        Assert.Equal(InputTypes.Json, template.Type);
        Assert.Equal(EditorHints.Json, template.Editor);
        Assert.True(template.Required);
    }
}
