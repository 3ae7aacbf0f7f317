using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>
/// Built-ins that can grow a string or walk an array in one call, replaced (before the realm is
/// frozen) by versions that work out the size first. Jint's memory constraint samples allocation
/// between statements, so a single <c>replace</c> or <c>join</c> could build gigabytes before it
/// looked; these refuse the call instead, naming the limit. Arguments are converted here once and
/// passed on as primitives, so user <c>toString</c>/<c>valueOf</c> run exactly once.
/// </summary>
internal sealed partial class GrowthGuards(Engine engine, ScriptLimits limits, DeadlineConstraint deadline)
{
    private readonly HashSet<ObjectInstance> joining = new(ReferenceEqualityComparer.Instance);
    private JsValue replaceSymbol = JsValue.Undefined;

    public void Install()
    {
        var strings = Prototype("String");
        var symbols = engine.GetValue("Symbol").AsObject();
        replaceSymbol = symbols.Get("replace");
        Wrap(strings, "repeat", Repeat);
        Wrap(strings, "padStart", Pad);
        Wrap(strings, "padEnd", Pad);
        Wrap(strings, "concat", Concat);
        Wrap(strings, "replace", (original, self, args) => StringReplace(original, self, args, all: false));
        Wrap(strings, "replaceAll", (original, self, args) => StringReplace(original, self, args, all: true));
        Wrap(Prototype("RegExp"), symbols.Get("replace"), RegExpReplace);

        var arrays = Prototype("Array");
        foreach (var key in arrays.GetOwnPropertyKeys(Types.String))
        {
            var name = key.AsString();
            if (name is "constructor" or "join" or "toString" || !arrays.Get(key).IsCallable())
            {
                continue;
            }

            Wrap(arrays, name, (original, self, args) =>
            {
                CheckArrayLike(self);
                return engine.Call(original, self, args);
            });
        }

        Wrap(arrays, "join", (_, self, args) => Join(self, args.Length > 0 ? args[0] : JsValue.Undefined));
        Wrap(arrays, "toString", (original, self, args) => self is ObjectInstance o && o.Get("join") is var join && join.IsCallable() ? engine.Call(join, self, []) : engine.Call(original, self, args));
        Wrap(engine.GetValue("Array").AsObject(), "from", (original, self, args) =>
        {
            if (args.Length > 0 && args[0] is ObjectInstance source && !source.HasProperty(symbols.Get("iterator")))
            {
                CheckArrayLike(source);
            }

            return engine.Call(original, self, args);
        });
        Wrap(engine.GetValue("JSON").AsObject(), "stringify", Stringify);
    }


    private string Text(JsValue self)
    {
        if (self.IsNull() || self.IsUndefined())
        {
            throw new JavaScriptException(engine.Intrinsics.TypeError, "String.prototype method called on null or undefined");
        }

        return TypeConverter.ToString(self);
    }

    private ScriptBudgetExceededException TooLong(double length, string builtIn)
        => new(BudgetKind.StringLength, $"asked {builtIn} for a string of {length:0} characters, more than its limit of {limits.MaxStringLength} (Limits.MaxStringLength)");

    private ObjectInstance Prototype(string constructor) => engine.GetValue(constructor).AsObject().Get("prototype").AsObject();

    private static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    private ClrFunction Function(string name, Func<JsValue, JsValue[], JsValue> body) => new(engine, name, body, 2, PropertyFlag.Configurable);

    private void Wrap(ObjectInstance target, JsValue key, Func<JsValue, JsValue, JsValue[], JsValue> body)
    {
        var descriptor = target.GetOwnProperty(key);
        var original = descriptor.Value;
        var name = key.IsSymbol() ? "[Symbol.replace]" : key.AsString();
        var length = (int)TypeConverter.ToNumber(original.AsObject().Get("length"));
        var wrapper = new ClrFunction(engine, name, (self, args) => body(original, self, args), length, PropertyFlag.Configurable);
        target.DefineOwnProperty(key, new PropertyDescriptor(wrapper, descriptor.Writable, descriptor.Enumerable, descriptor.Configurable));
    }
}
