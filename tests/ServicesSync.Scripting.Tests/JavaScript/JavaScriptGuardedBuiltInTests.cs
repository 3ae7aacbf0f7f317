namespace ServicesSync.Scripting.Tests.JavaScript;

/// <summary>
/// The size-checked built-ins (see GrowthGuards) answer exactly as the originals do: the guard
/// changes when a call is refused, never what it returns.
/// </summary>
public sealed class JavaScriptGuardedBuiltInTests
{
    private readonly ServicesSync.Scripting.JavaScript.JavaScriptRunner runner = ScriptHarness.JavaScript();

    [Theory]
    [InlineData("'ab'.repeat(3)", "ababab")]
    [InlineData("'5'.padStart(3, '0') + '|' + 'x'.padEnd(4, 'yz') + '|' + 'abc'.padStart(2)", "005|xyzy|abc")]
    [InlineData("'a'.concat(1, null, undefined, [2, 3])", "a1nullundefined2,3")]
    [InlineData("'John Smith'.replace(/(\\w+)\\s(\\w+)/, '$2, $1')", "Smith, John")]
    [InlineData("'abc'.replace('b', '[$&]') + 'abc'.replace('b', '$`') + 'abc'.replace('b', \"$'\") + 'abc'.replace('b', '$$')", "a[b]caacacca$c")]
    [InlineData("'2026-01'.replace(/(?<y>\\d+)-(?<m>\\d+)/, '$<m>/$<y>')", "01/2026")]
    [InlineData("'abc'.replace(/(b)/, '$01|$10|$0|$2|$')", "ab|b0|$0|$2|$c")]
    [InlineData("'aXbXc'.replaceAll('X', (m, i) => i) + 'aXbXc'.replaceAll(/x/gi, '[$&]')", "a1b3ca[X]b[X]c")]
    [InlineData("'a-b-c'.replace({ toString() { return '-'; } }, '+')", "a+b-c")]
    [InlineData("/b/g[Symbol.replace]('abcb', '$&$&')", "abbcbb")]
    [InlineData("[1, [2, [3]], null, undefined, 'x'].join('-')", "1-2,3---x")]
    [InlineData("String([1, 2]) + [3].toString() + Array.prototype.join.call({ length: 2, 0: 'a', 1: 'b' }, '+')", "1,23a+b")]
    [InlineData("(() => { const a = [1]; a.push(a); return a.join(); })()", "1,")]
    [InlineData("JSON.stringify({ a: [1, 'x'], b: { c: null }, d: undefined })", """{"a":[1,"x"],"b":{"c":null}}""")]
    [InlineData("JSON.stringify({ a: 1, b: 2 }, (k, v) => k === 'b' ? undefined : v, 1)", "{\n \"a\": 1\n}")]
    [InlineData("JSON.stringify({ b: 2, a: 1, c: 3 }, ['a', 'b'])", """{"a":1,"b":2}""")]
    [InlineData("[3, 1, 2].map(x => x * 2).filter(x => x > 2).sort().join()", "4,6")]
    [InlineData("Array.from({ length: 3 }, (_, i) => i).join() + Array.from('ab').join()", "0,1,2a,b")]
    public void GuardedBuiltIn_GivesTheSameAnswerAsTheOriginal(string expression, string expected)
        => Assert.Equal(expected, runner.Eval(expression)!.GetValue<string>());
}
