namespace ServicesSync.Scripting.Tests.CSharp;

/// <summary>Calls the rewriter routes through size checks (string building, formats, LINQ) answer as before.</summary>
public sealed class CSharpGuardedCallTests
{
    private static readonly ServicesSync.Scripting.CSharp.CSharpRunner Runner = ScriptHarness.CSharp();

    [Theory]
    [InlineData("string n = null; return \"a\" + 1 + 'c' + n + 2.5 + true;", "\"a1c2.5True\"")]
    [InlineData("return 1 + 2 + \"x\" + 3 + 4;", "\"3x34\"")]
    [InlineData("const string c = \"a\" + \"b\" + \"c\"; return c;", "\"abc\"")]
    [InlineData("return string.Concat(\"a\", \"b\", \"c\") + string.Concat(new[] { 1, 2 }) + string.Concat(new List<string> { \"d\" }) + string.Concat((object)null, 5);", "\"abc12d5\"")]
    [InlineData("return string.Join(\",\", new[] { 1, 2 }) + string.Join('-', \"a\", \"b\") + string.Join(\"|\", new List<int> { 3, 4 }) + string.Join(\";\", (object)\"x\", null, 7);", "\"1,2a-b3|4x;;7\"")]
    [InlineData("return \"axbx\".Replace(\"x\", \"yy\") + \"q\".Replace(\"q\", null) + \"aXa\".Replace('a', 'b');", "\"ayybyybXb\"")]
    [InlineData("var sb = new StringBuilder(\"ab\"); sb.Append('c').Append(sb.Length); StringBuilder other = new(4); other.Append(\"z\"); return sb.ToString() + other + new StringBuilder(\"abc\", 1, 1, 8);", "\"abc3zb\"")]
    [InlineData("return $\"{1,5}|{2,-3}|{3:D3}|{4.5:F2}\";", "\"    1|2  |003|4.50\"")]
    [InlineData("return 7.ToString(\"D3\") + string.Format(\"{0,3}\", 1) + new StringBuilder().AppendFormat(\"{0:X4}\", 255);", "\"007  100FF\"")]
    [InlineData("return new List<int> { 3, 1, 2 }.OrderBy(x => x).Select(x => x * 2).ToList();", "[2,4,6]")]
    [InlineData("return new Dictionary<string, int> { [\"a\"] = 1 }.Select(kv => kv.Key + kv.Value).First() + \"abc\".Select(c => c).Count() + Enumerable.Range(1, 3).Sum();", "\"a136\"")]
    [InlineData("var a = new[] { 1, 2 }; return a.Concat(a).Zip(Enumerable.Repeat(10, 4), (x, y) => x + y).ToArray();", "[11,12,11,12]")]
    public void GuardedCall_GivesTheSameAnswerAsBefore(string code, string expected)
        => Assert.Equal(expected, Runner.Run(code)!.ToJsonString());
}
