namespace ServicesSync.Scripting.Tests.Hostile;

/// <summary>
/// Built-ins that grow strings or arrays, huge sparse arrays and huge results, each with the
/// limit its error must name. The harness limits are 1,000,000 characters, 100,000 elements and a
/// result size of 1,000,000.
/// </summary>
public static class GrowthCorpus
{
    public const string StringLimit = "more than its limit of 1000000 (Limits.MaxStringLength)";
    public const string ArrayLimit = "more than its limit of 100000 (Limits.MaxArraySize)";
    public const string ResultLimit = "larger than its limit of 1000000 (Limits.MaxResultSize";

    public static TheoryData<string, string> JavaScript() => new()
    {
        { "return 'x'.repeat(5000000).length;", StringLimit },
        { "return 'ab'.repeat(2 ** 30).length;", StringLimit },
        { "return 'x'.padStart(1e9).length;", StringLimit },
        { "return 'x'.padEnd(4294967295, 'yz').length;", StringLimit },
        { "const s = 'x'.repeat(1000); return s.replace(/x/g, 'y'.repeat(100000)).length;", StringLimit },
        { "const s = 'x'.repeat(1000); return s.replace(/x/g, '$&$&$&$&$&$&$&$&$&$&'.repeat(100)).length;", StringLimit },
        { "const s = 'x'.repeat(1000); return s.replace(/(x)/g, () => 'y'.repeat(100000)).length;", StringLimit },
        { "const s = 'x'.repeat(1000); return s.replaceAll('x', 'y'.repeat(100000)).length;", StringLimit },
        { "const s = 'x'.repeat(100000); return s.replaceAll('x', \"$'\").length;", StringLimit },
        { "const s = 'x'.repeat(1000); return /x/g[Symbol.replace](s, 'y'.repeat(100000)).length;", StringLimit },
        { "const s = 'x'.repeat(1000); return s.replaceAll({ toString() { return 'x'; } }, 'y'.repeat(100000)).length;", StringLimit },
        { "const s = 'x'.repeat(500000); return s.concat(s, s, s).length;", StringLimit },
        { "return new Array(50000).fill('x'.repeat(1000)).join('').length;", StringLimit },
        { "return new Array(1000).join('y'.repeat(100000)).length;", StringLimit },
        { "return String(new Array(50000).fill('x'.repeat(1000))).length;", StringLimit },
        { "return JSON.stringify(new Array(50000).fill('x'.repeat(1000))).length;", StringLimit },
        { "const a = new Array(1000).fill(0); return JSON.stringify(new Array(1000).fill(a)).length;", StringLimit },
        { "return new Array(2 ** 32 - 1).length;", "budget" },
        { "return Array.from({ length: 4294967295 }).length;", ArrayLimit },
        { "const a = []; a.length = 4294967295; return a.join().length;", ArrayLimit },
        { "const a = []; a[4294967294] = 1; return a.includes(5);", ArrayLimit },
        { "const a = []; a[4294967294] = 1; a.fill(0); return 1;", ArrayLimit },
        { "const a = []; a[4294967294] = 1; return a.indexOf(7);", ArrayLimit },
        { "const a = []; a.length = 4294967295; a.reverse(); return 1;", ArrayLimit },
        { "const a = []; a[4294967294] = 1; return a.map(x => x).length;", ArrayLimit },
        { "return Array.prototype.join.call({ length: 1e15 });", ArrayLimit },
        { "const a = []; a[4294967294] = 1; return JSON.stringify(a);", ArrayLimit },
        { "const a = []; a[4294967294] = 1; return a;", ArrayLimit },
        { "const a = []; a.length = 4294967295; return { nested: [a] };", ArrayLimit },
        { "const s = 'x'.repeat(10000); return new Array(200).fill(s);", ResultLimit },
        { "const s = 'x'.repeat(900000); return [s, s];", ResultLimit },
        { "const s = 'x'.repeat(1000); const o = {}; for (let i = 0; i < 2000; i++) o['k' + i] = s; return o;", ResultLimit },
        { "for (;;) 'x'.repeat(1);", "budget" },
        { "const a = []; for (;;) a.push('x'.repeat(10000));", "memory budget" },
    };

    public static TheoryData<string, string> CSharp() => new()
    {
        { "var s = new string('x', 90_000); return $\"{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}\".Length;", StringLimit },
        { "var s = string.Concat(Enumerable.Repeat(new string('x', 90_000), 5)); return $\"{s}-{s}-{s}\";", StringLimit },
        { "var s = string.Concat(Enumerable.Repeat(new string('x', 90_000), 6)); return (s + s).Length;", StringLimit },
        { "var s = string.Concat(Enumerable.Repeat(new string('x', 90_000), 6)); object o = s; return (o + s).Length;", StringLimit },
        { "var s = \"x\"; for (var i = 0; i < 40; i++) { s += s; } return s.Length;", StringLimit },
        { "var s = \"x\"; for (var i = 0; i < 40; i++) { s = s + s; } return s.Length;", StringLimit },
        { "var s = \"x\"; for (var i = 0; i < 40; i++) { s = $\"{s}{s}\"; } return s.Length;", StringLimit },
        { "return $\"{1,1000000000}\";", "alignment" },
        { "return $\"{1,-1000000000}\";", "alignment" },
        { "return $\"{1:D999999999}\";", "format" },
        { "return new StringBuilder().Append($\"{1,100000000}\").Length;", "alignment" },
        { "var width = 1000000000; return string.Format(\"{0,\" + width + \"}\", 1);", "format width" },
        { "return 1.ToString(\"D\" + 999999999);", "format width" },
        { "return 1.5.ToString(\"F\" + 999999999, CultureInfo.InvariantCulture);", "format width" },
        { "return new StringBuilder().AppendFormat(\"{0,\" + 999999999 + \"}\", 1).Length;", "format width" },
        { "return string.Concat(Enumerable.Repeat(new string('x', 100_000), 400)).Length;", StringLimit },
        { "return string.Join(\",\", Enumerable.Repeat(new string('x', 100_000), 400)).Length;", StringLimit },
        { "return string.Join(new string(',', 90_000), Enumerable.Repeat(\"\", 90_000)).Length;", StringLimit },
        { "var s = new string('x', 100_000); return string.Concat(string.Concat(s, s, s, s), string.Concat(s, s, s, s), string.Concat(s, s, s, s)).Length;", StringLimit },
        { "var s = new string('x', 100_000); return string.Concat(new[] { s, s, s, s, s, s, s, s, s, s, s }).Length;", StringLimit },
        { "var s = new string('x', 100_000); return string.Join(\"\", new[] { s, s, s, s, s, s, s, s, s, s, s }).Length;", StringLimit },
        { "var s = new string('x', 100_000); return string.Join(\"\", s, s, s, s, s, s, s, s, s, s, s).Length;", StringLimit },
        { "var s = new string('x', 1000); return s.Replace(\"x\", new string('y', 100_000)).Length;", StringLimit },
        { "return new string('x', 90_000).Replace('x', 'y').Replace(\"y\", \"zzzzzzzzzzzzzz\").Length;", StringLimit },
        { "return new StringBuilder().Append('x', 90_000).Insert(0, new string('y', 90_000), 90_000).Length;", "budget" },
        { "var sb = new StringBuilder(new string('x', 100_000)); for (var i = 0; i < 4; i++) { sb.Append(sb); } return sb.Length;", "(Limits.MaxStringLength)" },
        { "return Enumerable.Repeat(1, 90_000).SelectMany(_ => Enumerable.Repeat(1, 90_000)).ToList().Count;", "budget" },
        { "var s = new string('x', 100_000); return (s + s + s + s + s + s + s + s + s + s + s + s).Length;", StringLimit },
        { "var s = new string('x', 100_000); var t = \"a\" + s + s + s + s + s + s + s + s + s + s + s; return t.Length;", StringLimit },
        { "var a = Enumerable.Repeat(1, 90_000); return a.Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Concat(a).Count();", "budget" },
        { "return Enumerable.Range(0, 2_000_000_000).Count();", "more than its limit of 100000" },
        { "return Enumerable.Repeat(new string('x', 100_000), 50).ToArray();", ResultLimit },
        { "var s = new string('x', 10_000); return Enumerable.Repeat(s, 200);", ResultLimit },
        { "var s = new string('x', 100_000); return new { a = s, b = s, c = s, d = s, e = s, f = s, g = s, h = s, i = s, j = s, k = s };", ResultLimit },
    };
}
