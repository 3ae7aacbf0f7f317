using System.Text.Json.Nodes;

namespace ServicesSync.Scripting.Tests.JavaScript;

/// <summary>JSON in and out of JavaScript: exact where JSON is exact, JavaScript semantics where the script computes.</summary>
public sealed class JavaScriptConversionTests
{
    private readonly ServicesSync.Scripting.JavaScript.JavaScriptRunner runner = ScriptHarness.JavaScript();

    [Theory]
    [InlineData("123456789012345678901234567890")]
    [InlineData("9007199254740993")]
    [InlineData("-9223372036854775809")]
    [InlineData("1.50")]
    [InlineData("0.1")]
    [InlineData("1e400")]
    [InlineData("12345678901234567890.123456789")]
    public void Run_NumberPassedThrough_KeepsItsExactDigits(string number)
    {
        var result = runner.Run("return { value: input.value, inArray: [input.value] };", JsonNode.Parse($$"""{"value":{{number}}}"""));

        Assert.Equal($$"""{"value":{{number}},"inArray":[{{number}}]}""", result!.ToJsonString());
    }

    [Fact]
    public void Run_ArithmeticBeyondTwoToThe53_WorksOnTheNearestDouble()
    {
        // 2^53 + 1 is not a double; JavaScript sees 2^53, and so does the sum.
        var result = runner.Run("return input.big + 1;", JsonNode.Parse("""{"big":9007199254740993}"""));

        Assert.Equal("9007199254740992", result!.ToJsonString());
    }

    [Fact]
    public void Run_BigIntFromAString_GivesExactLargeIntegers()
    {
        var result = runner.Run("return BigInt(input.big) * 2n;", JsonNode.Parse("""{"big":"123456789012345678901234567890"}"""));

        Assert.Equal("246913578024691357802469135780", result!.ToJsonString());
    }

    [Fact]
    public void Run_SafeIntegersAndComputedNumbers_AreWrittenLikeJsonStringify()
    {
        var result = runner.Run("return [input.n, input.n / 2, 0.1 + 0.2, -0, NaN, Infinity, 1e21];", JsonNode.Parse("""{"n":9007199254740991}"""));

        Assert.Equal("[9007199254740991,4503599627370495.5,0.30000000000000004,0,null,null,1E+21]", result!.ToJsonString());
    }

    [Fact]
    public void Run_DateStringWithOffset_PassesThroughUnchanged()
    {
        var result = runner.Run("return input.started;", JsonNode.Parse("""{"started":"2026-03-29T01:30:00.123+05:45"}"""));

        Assert.Equal("2026-03-29T01:30:00.123+05:45", result!.GetValue<string>());
    }

    [Fact]
    public void Run_DateObject_BecomesAnIsoStringInUtc()
    {
        var result = runner.Run("return [new Date(input.started), new Date(Date.UTC(2026, 0, 5))];", JsonNode.Parse("""{"started":"2026-03-29T01:30:00.123+05:45"}"""));

        Assert.Equal(["2026-03-28T19:45:00.123Z", "2026-01-05T00:00:00Z"], result!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public void Run_UndefinedFunctionsAndSymbols_AreDroppedFromObjectsAndNulledInArrays()
    {
        var result = runner.Run("return { a: undefined, f() {}, s: Symbol('x'), list: [undefined, () => 1, 2] };");

        Assert.Equal("""{"list":[null,null,2]}""", result!.ToJsonString());
    }

    [Fact]
    public void Run_ProtoKeyInInput_StaysAnOrdinaryKey()
    {
        var result = runner.Run("return { polluted: ({}).isAdmin === true, own: Object.keys(input) };", JsonNode.Parse("""{"__proto__":{"isAdmin":true}}"""));

        Assert.Equal("""{"polluted":false,"own":["__proto__"]}""", result!.ToJsonString());
    }

    [Fact]
    public void Run_UnicodeIncludingTheAstralPlane_RoundTrips()
    {
        var result = runner.Run("return { name: input.name, length: input.name.length, upper: input.name.toUpperCase() };", JsonNode.Parse("""{"name":"Zoë 😀 日本"}"""));

        Assert.Equal("Zoë 😀 日本", result!["name"]!.GetValue<string>());
        Assert.Equal(9, result["length"]!.GetValue<long>());
        Assert.Equal("ZOË 😀 日本", result["upper"]!.GetValue<string>());
    }

    [Fact]
    public void Run_CyclicResult_FailsWithAClearError()
    {
        var error = runner.Fails("const a = {}; a.self = a; return a;");

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PromiseResult_FailsWithAClearError()
    {
        Assert.Contains("Promise", runner.Fails("return Promise.resolve(1);").Message, StringComparison.Ordinal);
    }
}
