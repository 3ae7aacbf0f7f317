using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using Microsoft.Extensions.Logging;
using ServicesSync.Expressions;
using ServicesSync.Scripting.CrossReferences;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>
/// One Jint engine with every limit on and a locked-down realm (see <see cref="Hardening"/>), used
/// by one evaluation at a time. Per call it is armed with that call's deadline, clock and logger,
/// and its counters are reset; nothing else carries over because nothing reachable is mutable.
/// </summary>
internal sealed class HardenedEngine : IDisposable
{
    private const int FunctionCacheCapacity = 512;
    private readonly Engine engine;
    private readonly DeadlineConstraint deadline = new();
    private readonly ClockTimeSystem time = new();
    private readonly ConditionalWeakTable<PreparedSnippet, JsValue> functions = new();
    private readonly JsValue log;
    private readonly JsValue crossReferences;
    private readonly JsValue dateConstructor;
    private readonly JsValue[] arguments = new JsValue[4];
    private readonly ScriptLimits limits;
    private readonly Action checkDeadline;
    private int functionCount;
    private ScriptLog? currentLog;
    private ScriptLimits? describeLimits;
    private IScriptCrossReferences currentCrossReferences = UnavailableCrossReferences.Instance;

    public HardenedEngine(ScriptLimits limits)
    {
        engine = new Engine(options =>
        {
            options.Strict = true;
            options.Host.StringCompilationAllowed = false;
            options.Interop.Enabled = false;
            options.Culture = CultureInfo.InvariantCulture;
            options.TimeZone = TimeZoneInfo.Utc;
            options.TimeSystem = time;
            options.LimitRecursion(limits.MaxRecursionDepth);
            options.MaxStatements(limits.MaxStatements);
            options.LimitMemory(limits.MaxMemoryBytes);
            options.Constraints.StackOverflowGuard = true;
            options.Constraints.MaxArraySize = (uint)limits.MaxArraySize;
            options.Constraints.RegexTimeout = limits.RegexTimeout;
            options.Constraint(deadline);
        });

        new GrowthGuards(engine, limits, deadline).Install();
        log = HostObject(
            ("info", Host("info", (_, args) => Log(LogLevel.Information, args))),
            ("warn", Host("warn", (_, args) => Log(LogLevel.Warning, args))),
            ("error", Host("error", (_, args) => Log(LogLevel.Error, args))));
        crossReferences = HostObject(("find", Host("find", (_, args) => FindCrossReference(args))));
        dateConstructor = engine.GetValue("Date");

        // The host objects are shared by every run on this engine, so they are frozen as deeply as
        // the realm: the objects, their functions and everything those reach. Only ctx, vars and
        // input are made per run.
        var deepFreeze = engine.Evaluate(Hardening.Script);
        engine.Call(deepFreeze, JsValue.Undefined, [log]);
        engine.Call(deepFreeze, JsValue.Undefined, [crossReferences]);
        this.limits = limits;
        checkDeadline = deadline.Check;
    }

    /// <summary>Runs <paramref name="snippet"/> against the scope; throws what the runner translates.</summary>
    public JsonNode? Run(PreparedSnippet snippet, ExpressionScope scope, ScriptLog scriptLog, IScriptCrossReferences xref, ScriptLimits limits, CancellationToken cancellationToken)
    {
        // The deadline starts once the engine is in hand: building a fresh one is not the script's time.
        deadline.Arm(CallDeadline.Start(limits), cancellationToken);
        time.Clock = scope.Clock;
        currentLog = scriptLog;
        currentCrossReferences = xref;
        try
        {
            engine.Constraints.Reset();
            var function = Function(snippet);
            var toJs = new JsonToJs(engine);
            arguments[0] = toJs.Convert(scope.Input);
            arguments[1] = Variables(scope.Variables, toJs);
            arguments[2] = Context(scope);
            arguments[3] = log;
            var result = engine.Call(function, JsValue.Undefined, arguments);

            // Jobs the script queued (promise reactions) run now, under this call's budget: left
            // in the queue they would run during the next evaluation on this engine.
            engine.Advanced.ProcessTasks();
            if (result.IsPromise())
            {
                throw new JsConversionException("the result is a Promise; scripts must return their value synchronously");
            }

            // Converted while still armed: getters and proxies in the result run user code.
            return new JsToJson(toJs.ExactNumbers, limits, checkDeadline).Convert(result);
        }
        finally
        {
            Array.Clear(arguments);
            currentLog = null;
            currentCrossReferences = UnavailableCrossReferences.Instance;
            time.Clock = TimeProvider.System;
            deadline.Disarm();
        }
    }

    public void Dispose() => engine.Dispose();

    private JsValue Function(PreparedSnippet snippet)
    {
        if (functions.TryGetValue(snippet, out var cached))
        {
            return cached;
        }

        if (++functionCount > FunctionCacheCapacity)
        {
            functions.Clear();
            functionCount = 1;
        }

        // The function object is created once per engine and frozen: the script cannot reach it
        // (strict mode has no arguments.callee), and frozen it could not keep state even if it did.
        var prepared = snippet.Program!.Value;
        var function = Freeze(engine.Evaluate(in prepared));
        functions.Add(snippet, function);
        return function;
    }

    private JsObject Variables(IReadOnlyDictionary<string, JsonNode?> variables, JsonToJs toJs)
    {
        var result = new JsObject(engine);
        foreach (var (name, value) in variables)
        {
            result.FastSetDataProperty(name, toJs.Convert(value));
        }

        return result;
    }

    private JsObject Context(ExpressionScope scope)
    {
        var ctx = new JsObject(engine);
        ctx.FastSetDataProperty("workflowId", JsString.Create(scope.WorkflowId));
        ctx.FastSetDataProperty("instanceId", JsString.Create(scope.InstanceId));
        ctx.FastSetDataProperty("activityId", JsString.Create(scope.ActivityId));
        ctx.FastSetDataProperty("now", engine.Construct(dateConstructor, [JsNumber.Create(scope.Clock.GetUtcNow().ToUnixTimeMilliseconds())]));
        ctx.FastSetDataProperty("log", log);
        ctx.FastSetDataProperty("xref", crossReferences);
        return ctx;
    }

    private JsValue Log(LogLevel level, JsValue[] args)
    {
        if (currentLog is not null)
        {
            var text = args.Length == 0 ? "" : args[0].IsString() ? args[0].AsString() : Describe(args[0]);
            currentLog.Write(level, text);
        }

        return JsValue.Undefined;
    }

    private ScriptLimits DescribeLimits => describeLimits ??= new ScriptLimits { MaxArraySize = limits.MaxArraySize, MaxResultSize = ScriptLog.MaxLength * 4 };

    private string Describe(JsValue value)
    {
        try
        {
            // Bounded like a result, to a little more than a log line can hold.
            return new JsToJson(null, DescribeLimits, checkDeadline).Convert(value)?.ToJsonString() ?? (value.IsUndefined() ? "undefined" : "null");
        }
        catch (Exception ex) when (ex is JsConversionException or ScriptBudgetExceededException { Kind: BudgetKind.ResultSize or BudgetKind.ArraySize })
        {
            return value.IsObject() ? "[object]" : value.ToString();
        }
    }

    private JsValue FindCrossReference(JsValue[] args)
    {
        string Arg(int i) => args.Length > i && args[i].IsString()
            ? args[i].AsString()
            : throw new JavaScriptException(engine.Intrinsics.TypeError, "ctx.xref.find(entity, system, id, targetSystem) takes four strings");
        try
        {
            var found = currentCrossReferences.Find(Arg(0), Arg(1), Arg(2), Arg(3));
            return found is null ? JsValue.Null : JsString.Create(found);
        }
        catch (InvalidOperationException ex)
        {
            // A lookup failure the script may catch, reported at the script's call site.
            throw new JavaScriptException(engine.Intrinsics.Error, ex.Message);
        }
    }

    private ClrFunction Host(string name, Func<JsValue, JsValue[], JsValue> body)
        => new(engine, name, body, 1, PropertyFlag.Configurable);

    private JsObject HostObject(params (string Name, JsValue Value)[] members)
    {
        var result = new JsObject(engine);
        foreach (var (name, value) in members)
        {
            result.FastSetDataProperty(name, value);
        }

        return result;
    }

    private JsValue Freeze(JsValue value)
    {
        // Engine.Call spells out the receiver: JsValue.Call(a, b) would pass both as arguments
        // (that froze the Object constructor instead of the value, issue 12).
        engine.Call(engine.Intrinsics.Object.Get("freeze"), engine.Intrinsics.Object, [value]);
        return value;
    }
}
