using System.Text;
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
internal sealed class GrowthGuards(Engine engine, ScriptLimits limits, DeadlineConstraint deadline)
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

    private JsValue Repeat(JsValue original, JsValue self, JsValue[] args)
    {
        var text = Text(self);
        var count = TypeConverter.ToIntegerOrInfinity(Arg(args, 0));
        if (count > 0 && text.Length * count > limits.MaxStringLength)
        {
            throw TooLong(text.Length * count, "String.prototype.repeat");
        }

        return engine.Call(original, JsString.Create(text), [count]);
    }

    private JsValue Pad(JsValue original, JsValue self, JsValue[] args)
    {
        var text = Text(self);
        var length = TypeConverter.ToLength(Arg(args, 0));
        if (length > (ulong)limits.MaxStringLength)
        {
            throw TooLong(length, "String.prototype.padStart/padEnd");
        }

        return engine.Call(original, JsString.Create(text), args.Length > 1 ? [length, args[1]] : [length]);
    }

    private JsValue Concat(JsValue original, JsValue self, JsValue[] args)
    {
        var text = Text(self);
        var parts = new JsValue[args.Length];
        double total = text.Length;
        for (var i = 0; i < args.Length; i++)
        {
            var part = TypeConverter.ToString(args[i]);
            total += part.Length;
            parts[i] = part;
        }

        if (total > limits.MaxStringLength)
        {
            throw TooLong(total, "String.prototype.concat");
        }

        return engine.Call(original, JsString.Create(text), parts);
    }

    private JsValue StringReplace(JsValue original, JsValue self, JsValue[] args, bool all)
    {
        var pattern = Arg(args, 0);
        if (pattern is ObjectInstance patternObject && patternObject.Get(replaceSymbol) is { } method && !method.IsNull() && !method.IsUndefined())
        {
            // A RegExp (or anything with Symbol.replace) does the work through its own method,
            // which is guarded below or is the script's own code.
            return engine.Call(original, self, args);
        }

        var text = Text(self);
        var search = TypeConverter.ToString(pattern);
        return Replace(text, Arg(args, 1), all ? text.Length + 1 : 1, replacement => engine.Call(original, JsString.Create(text), [search, replacement]));
    }

    private JsValue RegExpReplace(JsValue original, JsValue self, JsValue[] args)
    {
        var text = TypeConverter.ToString(Arg(args, 0));
        return Replace(text, Arg(args, 1), text.Length + 1, replacement => engine.Call(original, self, [text, replacement]));
    }

    /// <summary>
    /// The result is at most the subject plus every substitution. A string replacement with no
    /// <c>$</c> patterns is bounded up front; otherwise each substitution is built here (through a
    /// replacement function) and counted as it is made.
    /// </summary>
    private JsValue Replace(string text, JsValue replacement, int maxMatches, Func<JsValue, JsValue> run)
    {
        double total = text.Length;
        if (replacement.IsCallable())
        {
            var user = replacement;
            return run(Function("replacer", (_, matchArgs) =>
            {
                var piece = TypeConverter.ToString(engine.Call(user, JsValue.Undefined, matchArgs));
                total += piece.Length;
                return total > limits.MaxStringLength ? throw TooLong(total, "String.prototype.replace") : piece;
            }));
        }

        var template = TypeConverter.ToString(replacement);
        if (text.Length + ((double)maxMatches * template.Length) <= limits.MaxStringLength && template.IndexOf('$', StringComparison.Ordinal) < 0)
        {
            return run(template);
        }

        return run(Function("replacer", (_, matchArgs) =>
        {
            var piece = Substitute(template, matchArgs, limits.MaxStringLength - total);
            total += piece.Length;
            return total > limits.MaxStringLength ? throw TooLong(total, "String.prototype.replace") : piece;
        }));
    }

    /// <summary>GetSubstitution (ECMA-262 22.1.3.19.1) from the arguments a replacement function receives.</summary>
    private string Substitute(string template, JsValue[] args, double room)
    {
        var end = args.Length;
        var groups = end > 3 && args[end - 1] is ObjectInstance named ? named : null;
        if (groups is not null)
        {
            end--;
        }

        var subject = TypeConverter.ToString(args[end - 1]);
        var position = (int)TypeConverter.ToNumber(args[end - 2]);
        var matched = TypeConverter.ToString(args[0]);
        var captures = end - 3;
        var result = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (result.Length > room)
            {
                throw TooLong(result.Length, "String.prototype.replace");
            }

            var c = template[i];
            if (c != '$' || i + 1 >= template.Length)
            {
                result.Append(c);
                continue;
            }

            var next = template[i + 1];
            switch (next)
            {
                case '$':
                    result.Append('$');
                    i++;
                    break;
                case '&':
                    result.Append(matched);
                    i++;
                    break;
                case '`':
                    result.Append(subject, 0, Math.Min(position, subject.Length));
                    i++;
                    break;
                case '\'':
                    var tail = Math.Min(subject.Length, position + matched.Length);
                    result.Append(subject, tail, subject.Length - tail);
                    i++;
                    break;
                case >= '0' and <= '9':
                    var digits = 1;
                    var index = next - '0';
                    if (i + 2 < template.Length && char.IsAsciiDigit(template[i + 2]) && (index * 10) + (template[i + 2] - '0') is var two && two >= 1 && two <= captures)
                    {
                        index = two;
                        digits = 2;
                    }

                    if (index >= 1 && index <= captures)
                    {
                        var capture = args[index];
                        if (!capture.IsUndefined())
                        {
                            result.Append(TypeConverter.ToString(capture));
                        }

                        i += digits;
                    }
                    else
                    {
                        result.Append('$');
                    }

                    break;
                case '<' when groups is not null:
                    var close = template.IndexOf('>', i + 2);
                    if (close < 0)
                    {
                        result.Append('$');
                        break;
                    }

                    var value = groups.Get(template[(i + 2)..close]);
                    if (!value.IsUndefined())
                    {
                        result.Append(TypeConverter.ToString(value));
                    }

                    i = close;
                    break;
                default:
                    result.Append('$');
                    break;
            }
        }

        return result.Length > room ? throw TooLong(result.Length, "String.prototype.replace") : result.ToString();
    }

    /// <summary>Array.prototype.join, counting characters as it goes (the built-in builds first).</summary>
    private JsValue Join(JsValue self, JsValue separatorArgument)
    {
        if (self is not ObjectInstance target)
        {
            return Text(self) is { } primitive ? Join(engine.Intrinsics.Object.Construct([primitive]), separatorArgument) : JsString.Empty;
        }

        var length = CheckArrayLike(target);
        var separator = separatorArgument.IsUndefined() ? "," : TypeConverter.ToString(separatorArgument);
        if (!joining.Add(target))
        {
            return JsString.Empty;
        }

        try
        {
            var result = new StringBuilder();
            for (uint i = 0; i < length; i++)
            {
                if ((i & 4095) == 4095)
                {
                    deadline.Check();
                }

                if (i > 0)
                {
                    result.Append(separator);
                }

                var element = target.Get(i);
                if (!element.IsNull() && !element.IsUndefined())
                {
                    result.Append(TypeConverter.ToString(element));
                }

                if (result.Length > limits.MaxStringLength)
                {
                    throw TooLong(result.Length, "Array.prototype.join");
                }
            }

            return result.ToString();
        }
        finally
        {
            joining.Remove(target);
        }
    }

    /// <summary>
    /// JSON.stringify through a replacer that adds up what will be written (names, string values,
    /// a little for every other value) and refuses arrays longer than the array limit, so a sparse
    /// array or one big string referenced a million times fails fast instead of being written.
    /// </summary>
    private JsValue Stringify(JsValue original, JsValue self, JsValue[] args)
    {
        var value = Arg(args, 0);
        var user = Arg(args, 1);
        var space = Arg(args, 2);
        double total = 0;
        var gap = space.IsNumber() ? Math.Min(10, Math.Max(0, TypeConverter.ToIntegerOrInfinity(space))) : space.IsString() ? Math.Min(10, space.AsString().Length) : 0;
        var counter = Function("replacer", (holder, pair) =>
        {
            var result = user.IsCallable() ? engine.Call(user, holder, pair) : Arg(pair, 1);
            total += TypeConverter.ToString(Arg(pair, 0)).Length + (result.IsString() ? result.AsString().Length : 0) + 8 + (2 * gap);
            if (total > limits.MaxStringLength)
            {
                throw TooLong(total, "JSON.stringify");
            }

            if (result is JsArray array)
            {
                CheckArrayLike(array);
            }

            if (((long)total & 4095) == 0)
            {
                deadline.Check();
            }

            return result;
        });

        if (user is ObjectInstance list && !user.IsCallable() && list.IsArray())
        {
            // A property list decides order as well as selection: count with the replacer, then write with the list.
            engine.Call(original, self, [value, counter, space]);
            return engine.Call(original, self, args);
        }

        return engine.Call(original, self, [value, counter, space]);
    }

    private uint CheckArrayLike(JsValue self)
    {
        if (self is not ObjectInstance target)
        {
            return 0;
        }

        var length = self is JsArray array ? array.Length : TypeConverter.ToLength(target.Get("length"));
        if (length > (ulong)limits.MaxArraySize)
        {
            throw new ScriptBudgetExceededException(BudgetKind.ArraySize, $"used an array of {length} elements, more than its limit of {limits.MaxArraySize} (Limits.MaxArraySize)");
        }

        return (uint)length;
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
