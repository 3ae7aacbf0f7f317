using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>The array walks: join and JSON.stringify counted as they go, and the array-size check every array built-in passes.</summary>
internal sealed partial class GrowthGuards
{
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
}
