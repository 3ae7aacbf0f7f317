using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>The string built-ins: repeat, pad, concat and replace (with its substitution patterns) sized before they build.</summary>
internal sealed partial class GrowthGuards
{
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
}
