namespace ServicesSync.Scripting.Tests.Hostile;

/// <summary>
/// Attacks on the objects a snippet is handed, each run in one workflow, followed by a probe in
/// another: the probe must see exactly what it saw before the attack, in either language and mode.
/// </summary>
public static class PollutionCorpus
{
    /// <summary>Reads every host object, its functions and prototypes; logs twice.</summary>
    public const string JavaScriptProbe = """
        log.info('probe'); ctx.log.warn('probe2');
        let xref; try { xref = ctx.xref.find('worker', 'jira', 'a-1', 'tempo'); } catch (e) { xref = 'error: ' + e.message; }
        const names = o => Object.getOwnPropertyNames(o).sort().join();
        return {
          xref,
          log: names(log) + '|' + names(log.info) + '|' + log.info.name + log.info.length + '|' + (Object.getPrototypeOf(log) === Object.prototype),
          xrefNames: names(ctx.xref) + '|' + names(ctx.xref.find) + '|' + ctx.xref.find.name,
          ctx: Object.keys(ctx).join(),
          same: ctx.log === log,
          frozen: [log, log.info, log.warn, log.error, ctx.xref, ctx.xref.find].map(Object.isFrozen).join(),
          globals: typeof leak + typeof hijacked + Object.getOwnPropertyNames(globalThis).length,
          protos: [({}), [], log, log.info, ctx, ctx.xref, ctx.now, 'x', 1, () => 1].map(o => typeof o.polluted).join(),
          strings: String(log.info) + String(ctx.xref) + String([1, 2]) + JSON.stringify({ a: [1] }),
          now: ctx.now.toISOString(),
          call: (function () { return 7; }).call(null) + Reflect.apply(Math.max, null, [1, 2]),
          vars: JSON.stringify(vars), input: JSON.stringify(input), wf: ctx.workflowId,
        };
        """;

    public static TheoryData<string> JavaScriptAttacks() =>
    [
        "log.info = () => 'hijacked';",
        "ctx.log.info = function () { };",
        "log.warn = log.error;",
        "delete log.info;",
        "Object.defineProperty(log, 'info', { value: () => 'hijacked' });",
        "ctx.xref.find = () => 'hijacked';",
        "Object.defineProperty(ctx.xref, 'find', { value: () => 'hijacked' });",
        "ctx.xref.flag = 1; log.flag = 1;",
        "log.info.polluted = 1; ctx.xref.find.polluted = 1;",
        "Object.defineProperty(log.info, 'name', { value: 'hijacked' });",
        "Object.setPrototypeOf(log, { info: () => 'hijacked', polluted: 1 });",
        "Object.setPrototypeOf(ctx.xref.find, { polluted: 1 });",
        "Object.getPrototypeOf(log).polluted = 1;",
        "Object.getPrototypeOf(log.info).polluted = 1;",
        "Object.getPrototypeOf(log.info).call = () => 'hijacked';",
        "log.info.__proto__.apply = () => 'hijacked';",
        "Object.getOwnPropertyDescriptor(Object.prototype, 'toString').set.call(log.info, () => 'hijacked');",
        "Object.getOwnPropertyDescriptor(Object.prototype, 'toString').set.call(ctx.xref, () => 'hijacked');",
        "Object.prototype.__defineGetter__('polluted', () => 1);",
        "Object.defineProperty(Object.prototype, 'polluted', { value: 1 });",
        "Array.prototype.polluted = 1; Array.prototype.join = () => 'hijacked';",
        "String.prototype.polluted = 1; Number.prototype.polluted = 1;",
        "Function.prototype.polluted = 1;",
        "JSON.stringify = () => 'hijacked';",
        "Reflect.apply = () => 'hijacked';",
        "Object.getPrototypeOf(ctx.now).toISOString = () => 'hijacked';",
        "ctx.now.setTime(0); ctx.workflowId = 'hijacked'; ctx.polluted = 1;",
        "ctx.log = { info() { }, warn() { } }; ctx.xref = { find: () => 'hijacked' };",
        "vars.rateCardId = 'hijacked'; input.a = 'hijacked'; delete vars.roundingMinutes;",
        "globalThis.leak = 1;",
        "Object.defineProperty(globalThis, 'hijacked', { value: 1 });",
        "leak = 1;",
        "log.info.constructor.prototype.polluted = 1;",
        "ctx.xref.find.constructor.prototype.call = () => 'hijacked';",
        "Object.getPrototypeOf(function* () { }).polluted = 1;",
        "Promise.prototype.then = () => 'hijacked'; Promise.resolve(1).then(() => { log.info = null; });",
        "Error.prototype.polluted = 1; Error.prototype.message = 'hijacked';",
        "Symbol.prototype.polluted = 1; Object.getPrototypeOf(Symbol.iterator).polluted = 1;",
    ];

    /// <summary>The C# counterpart: context, logging, cross-references, variables and input.</summary>
    public const string CSharpProbe = """
        Ctx.LogInformation("probe"); Ctx.LogWarning("probe2");
        string xref; try { xref = Ctx.CrossReferences.Find("worker", "jira", "a-1", "tempo"); } catch (InvalidOperationException e) { xref = "error: " + e.Message; }
        return new { xref, wf = Ctx.WorkflowId, now = Ctx.Now, vars = string.Join(",", Vars.Select(v => v.Key + "=" + v.Value?.ToJsonString())), input = Input?.ToJsonString(), culture = 1.5.ToString(System.Globalization.CultureInfo.InvariantCulture) + 1.5.ToString() + string.Format("{0}", 2.5) };
        """;

    public static TheoryData<string> CSharpAttacks() =>
    [
        "Vars[\"rateCardId\"] = \"hijacked\";",
        "Vars[\"rateCardId\"]!.ReplaceWith(JsonValue.Create(\"hijacked\"));",
        "((JsonObject)Input!)[\"a\"] = \"hijacked\";",
        "Input!.AsObject().Clear();",
        "Ctx.WorkflowId = \"hijacked\";",
        "CultureInfo.InvariantCulture.NumberFormat.NumberDecimalSeparator = \"#\";",
        "CultureInfo.DefaultThreadCurrentCulture = new CultureInfo(\"de-DE\");",
        "CultureInfo.CurrentCulture = new CultureInfo(\"de-DE\");",
        "System.Threading.Thread.CurrentThread.CurrentCulture = new CultureInfo(\"de-DE\");",
        "Encoding.UTF8.EncoderFallback = EncoderFallback.ExceptionFallback;",
        "Regex.CacheSize = 0;",
        "ServicesSync.Scripting.CSharp.Guard.Install(null);",
        "Ctx.CrossReferences.GetType().GetField(\"x\");",
        "StringComparer.Ordinal.GetHashCode();",
    ];
}
