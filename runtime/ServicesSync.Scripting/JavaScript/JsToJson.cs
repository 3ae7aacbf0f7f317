using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using ServicesSync.Scripting.Json;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>
/// Turns a script's result into JSON the way <c>JSON.stringify</c> would (undefined, functions and
/// symbols dropped from objects and nulled in arrays, NaN and infinities become null), with three
/// differences that keep data exact: numbers that arrived from JSON and were passed through keep
/// their original digits, BigInts become exact JSON numbers, and Dates become ISO 8601 strings.
/// </summary>
/// <remarks>
/// Conversion is budgeted: an array longer than <see cref="ScriptLimits.MaxArraySize"/> is refused
/// before a single element is read (a sparse <c>a[4294967294] = 1</c> fails at once), every value and
/// every character of a string or name counts towards <see cref="ScriptLimits.MaxResultSize"/>, and
/// the deadline and cancellation are checked as it goes (getters and proxies run user code).
/// </remarks>
internal sealed class JsToJson(IReadOnlyDictionary<JsValue, JsonValue>? exactNumbers, ScriptLimits limits, Action? check = null)
{
    private const int MaxDepth = 128;
    private readonly HashSet<ObjectInstance> path = new(ReferenceEqualityComparer.Instance);
    private long size;

    private void Count(long units)
    {
        var before = size;
        size += units;
        if (size > limits.MaxResultSize)
        {
            throw new ScriptBudgetExceededException(BudgetKind.ResultSize, $"returned a value larger than its limit of {limits.MaxResultSize} (Limits.MaxResultSize: values plus characters)");
        }

        if (check is not null && (before >> 12) != (size >> 12))
        {
            check();
        }
    }

    public JsonNode? Convert(JsValue value) => Convert(value, 0, out _);

    private JsonNode? Convert(JsValue value, int depth, out bool omitted)
    {
        omitted = false;
        Count(1);
        switch (value.Type)
        {
            case Types.Undefined:
            case Types.Symbol:
                omitted = true;
                return null;
            case Types.Null:
                return null;
            case Types.Boolean:
                return JsonValue.Create(value.AsBoolean());
            case Types.String:
                var text = value.AsString();
                Count(text.Length);
                return JsonValue.Create(text);
            case Types.Number:
                return exactNumbers is not null && exactNumbers.TryGetValue(value, out var exact)
                    ? exact.DeepClone()
                    : JsonNumbers.FromDouble(value.AsNumber());
            case Types.BigInt:
                return JsonNumbers.FromExactText(value.ToString());
        }

        if (value.IsCallable())
        {
            omitted = true;
            return null;
        }

        if (value.IsDate())
        {
            var date = value.AsDate();
            return double.IsNaN(date.DateValue)
                ? null
                : JsonValue.Create(JsonDates.Format(DateTimeOffset.FromUnixTimeMilliseconds((long)date.DateValue)));
        }

        if (depth >= MaxDepth)
        {
            throw new JsConversionException($"the result is nested deeper than {MaxDepth} levels");
        }

        var obj = value.AsObject();
        if (!path.Add(obj))
        {
            throw new JsConversionException("the result contains a cycle and cannot become JSON");
        }

        try
        {
            return value.IsArray() ? ConvertArray(value.AsArray(), depth) : ConvertObject(obj, depth);
        }
        finally
        {
            path.Remove(obj);
        }
    }

    private JsonArray ConvertArray(JsArray array, int depth)
    {
        var length = array.Length;
        if (length > limits.MaxArraySize)
        {
            throw new ScriptBudgetExceededException(BudgetKind.ArraySize, $"returned an array of {length} elements, more than its limit of {limits.MaxArraySize} (Limits.MaxArraySize)");
        }

        var result = new JsonArray();
        for (uint i = 0; i < length; i++)
        {
            result.Add(Convert(array[i], depth + 1, out _));
        }

        return result;
    }

    private JsonObject ConvertObject(ObjectInstance obj, int depth)
    {
        var result = new JsonObject();
        foreach (var key in obj.GetOwnPropertyKeys(Types.String))
        {
            var descriptor = obj.GetOwnProperty(key);
            if (!descriptor.Enumerable)
            {
                continue;
            }

            var name = key.AsString();
            Count(name.Length);
            var node = Convert(obj.Get(key), depth + 1, out var omitted);
            if (!omitted)
            {
                result[name] = node;
            }
        }

        return result;
    }
}

/// <summary>The result of a script has a shape JSON cannot hold.</summary>
internal sealed class JsConversionException : Exception
{
    public JsConversionException(string message)
        : base(message)
    {
    }

    public JsConversionException()
    {
    }

    public JsConversionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
