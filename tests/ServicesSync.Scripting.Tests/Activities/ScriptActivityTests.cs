using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities;
using ServicesSync.Errors;
using ServicesSync.Expressions;
using ServicesSync.Registry;
using ServicesSync.Scripting.Activities;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Scripting.Tests.Activities;

public sealed class ScriptActivityTests
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddLogging()
        .AddScripting(options => options.Limits.Timeout = TimeSpan.FromSeconds(5))
        .BuildServiceProvider();

    [Fact]
    public void Descriptor_DescribesLanguageAndCodeAsLiteralOnlyInputs()
    {
        var descriptor = ActivityDescriptorFactory.Create<ScriptActivity>();

        Assert.Equal("core.script", descriptor.Type);
        var language = descriptor.Inputs.Single(i => i.Name == "language");
        Assert.Equal((InputTypes.Enum, EditorHints.Select, false, true), (language.Type, language.Editor, language.ExpressionCapable, language.Required));
        Assert.Equal(["javascript", "csharp"], language.Options);
        var code = descriptor.Inputs.Single(i => i.Name == "code");
        Assert.Equal((EditorHints.Code, false, true), (code.Editor, code.ExpressionCapable, code.Required));
    }

    [Theory]
    [InlineData("javascript", "return { workerId: input.author.accountId, seconds: input.timeSpentSeconds };")]
    [InlineData("csharp", "return new { workerId = (string)Input[\"author\"][\"accountId\"], seconds = (int)Input[\"timeSpentSeconds\"] };")]
    public async Task Execute_Snippet_ReturnValueIsTheOutput(string language, string code)
    {
        var context = new TestActivityContext()
            .ForActivity<ScriptActivity>("map")
            .WithInput(JsonNode.Parse("""{"author":{"accountId":"a-1"},"timeSpentSeconds":3600}"""))
            .WithInputValue("language", language)
            .WithInputValue("code", code)
            .Build();

        var result = await Activity().ExecuteAsync(context);

        var completed = Assert.IsType<CompletedResult>(result);
        Assert.Equal("""{"workerId":"a-1","seconds":3600}""", completed.Output!.ToJsonString());
    }

    [Fact]
    public async Task Execute_UnknownLanguage_FailsWithAValidationError()
    {
        var context = new TestActivityContext().ForActivity<ScriptActivity>("map")
            .WithInputValue("language", "python").WithInputValue("code", "return 1").Build();

        var error = await Assert.ThrowsAsync<ServicesSyncException>(async () => await Activity().ExecuteAsync(context));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Contains("input 'language' must be one of csharp, javascript", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_BrokenCode_ReportsTheInputLineAndColumn()
    {
        var problems = Validator().Validate(new JsonObject { ["language"] = "csharp", ["code"] = "var x = 1;\nreturn System.IO.File.ReadAllText(\"/etc/passwd\");" }).ToArray();

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(("code", 2), (p.Input, p.Line)));
        Assert.Contains(problems, p => p.Message.Contains("System.IO.File", StringComparison.Ordinal) && p.Column == 8);
    }

    [Theory]
    [InlineData("""{"language":"javascript","code":"return input.a;"}""", 0)]
    [InlineData("""{"language":"javascript","code":"return input.;"}""", 1)]
    [InlineData("""{"language":"ruby","code":"1"}""", 1)]
    [InlineData("""{"language":{"expression":{"language":"javascript","code":"'csharp'"}},"code":"1"}""", 1)]
    [InlineData("""{"language":"csharp","code":{"expression":{"language":"javascript","code":"'return 1;'"}}}""", 1)]
    [InlineData("""{"code":"return 1;"}""", 0)]
    public void Validator_Inputs_AreCheckedAtPublishTime(string inputs, int expectedProblems)
    {
        Assert.Equal(expectedProblems, Validator().Validate(JsonNode.Parse(inputs)!.AsObject()).Count());
    }

    [Fact]
    public async Task AddScripting_RegistersBothLanguagesAsExpressionEvaluators()
    {
        var evaluators = Services.GetServices<IExpressionEvaluator>().ToDictionary(e => e.Language);
        var scope = ScriptHarness.Scope(JsonNode.Parse("""{"n":2}"""));

        Assert.Equal(["csharp", "javascript"], evaluators.Keys.Order());
        Assert.Equal("4", (await evaluators["javascript"].EvaluateAsync(new Expression("javascript", "input.n * 2"), scope, default))!.ToJsonString());
        Assert.Equal("4", (await evaluators["csharp"].EvaluateAsync(new Expression("csharp", "(int)Input[\"n\"] * 2"), scope, default))!.ToJsonString());
        Assert.Single(evaluators["csharp"].Check(new Expression("csharp", "Input[")));
    }

    [Fact]
    public void AddScripting_RegistersTheActivityAndItsValidator()
    {
        Assert.Contains(Services.GetServices<ActivityRegistration>(), r => r.Descriptor.Type == "core.script");
        Assert.Contains(Services.GetServices<IActivityNodeValidator>(), v => v.ActivityType == "core.script");
    }

    [Fact]
    public void AddScripting_CalledTwice_RegistersOneSetOfEvaluators()
    {
        using var services = new ServiceCollection().AddScripting().AddScripting().BuildServiceProvider();

        Assert.Equal(2, services.GetServices<IExpressionEvaluator>().Count());
    }

    [Fact]
    public void AddScripting_InvalidOptions_ReportsEveryProblem()
    {
        using var services = new ServiceCollection()
            .AddScripting(o =>
            {
                o.Limits.Timeout = TimeSpan.Zero;
                o.Limits.MaxStatements = 0;
                o.WorkerPoolSize = 0;
            })
            .BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetServices<IExpressionEvaluator>().ToArray());

        Assert.Equal(3, error.Failures.Count());
    }

    private static ScriptActivity Activity() => Services.GetRequiredService<ScriptActivity>();

    private static IActivityNodeValidator Validator() => Services.GetServices<IActivityNodeValidator>().Single(v => v.ActivityType == "core.script");
}
