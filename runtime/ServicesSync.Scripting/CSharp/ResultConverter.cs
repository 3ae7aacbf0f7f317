using System.Collections;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Json;
using ServicesSync.Scripting.Json;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// Turns what a C# snippet returned into JSON without reflection-based serialization (which would
/// keep the snippet's types alive in a shared cache and block unloading). Nodes pass through,
/// primitives map as JavaScript's do, dates use <see cref="JsonDates"/>, collections become arrays,
/// dictionaries and anonymous objects become objects; anything else is an error naming its type.
/// </summary>
/// <remarks>
/// Budgeted like the JavaScript conversion: one unit per value plus the characters of every string
/// and name count towards <see cref="ScriptLimits.MaxResultSize"/>, a sequence longer than
/// <see cref="ScriptLimits.MaxArraySize"/> is refused, and the guard's deadline and cancellation are
/// checked as it goes (lazy sequences run snippet code here).
/// </remarks>
internal sealed class ResultConverter(ScriptLimits limits, IReadOnlyDictionary<Type, JsonSerializerOptions>? modelTypes = null, GuardState? guard = null)
{
    private const int MaxDepth = 128;
    private static readonly ConditionalWeakTable<Type, PropertyInfo[]> AnonymousProperties = new();
    private readonly HashSet<object> path = new(ReferenceEqualityComparer.Instance);
    private long size;

    public JsonNode? Convert(object? value) => Convert(value, 0);

    private void Count(long units)
    {
        var before = size;
        size += units;
        if (size > limits.MaxResultSize)
        {
            throw new ScriptBudgetExceededException(BudgetKind.ResultSize, $"returned a value larger than its limit of {limits.MaxResultSize} (Limits.MaxResultSize: values plus characters)");
        }

        if (guard is not null && (before >> 12) != (size >> 12))
        {
            if (guard.CancellationToken.IsCancellationRequested)
            {
                throw new ScriptBudgetExceededException(BudgetKind.Cancelled, "was cancelled");
            }

            if (guard.Deadline.HasPassed(System.Diagnostics.Stopwatch.GetTimestamp()))
            {
                throw guard.Deadline.Exceeded();
            }
        }
    }

    private long NodeSize(JsonNode node)
    {
        // A node returned whole (Input, a built JsonObject) is measured without copying it.
        switch (node)
        {
            case JsonObject obj:
                long total = 1;
                for (var i = 0; i < obj.Count; i++)
                {
                    // Indexed, not foreach: the dictionary enumerator would be boxed on the hot path.
                    var (name, child) = obj.GetAt(i);
                    Count(name.Length);
                    total += child is null ? 1 : NodeSize(child);
                }

                return total;
            case JsonArray array:
                if (array.Count > limits.MaxArraySize)
                {
                    throw new ScriptBudgetExceededException(BudgetKind.ArraySize, $"returned an array of {array.Count} elements, more than its limit of {limits.MaxArraySize} (Limits.MaxArraySize)");
                }

                long items = 1;
                for (var i = 0; i < array.Count; i++)
                {
                    items += array[i] is { } child ? NodeSize(child) : 1;
                }

                return items;
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                // The raw UTF-8 of an element-backed value, read in place (GetString would copy it).
                Count(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element).Length);
                return 0;
            case JsonValue value when value.TryGetValue<string>(out var text):
                Count(text.Length);
                return 0;
            default:
                Count(1);
                return 0;
        }
    }

    private JsonNode? Convert(object? value, int depth)
    {
        Count(1);
        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                NodeSize(node);
                return node.Parent is null ? node : node.DeepClone();
            case string text:
                Count(text.Length);
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case char character:
                return JsonValue.Create(character.ToString());
            case int or long or short or byte or sbyte or ushort or uint:
                return JsonValue.Create(System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            case ulong unsigned:
                return JsonValue.Create(unsigned);
            case decimal number:
                return JsonValue.Create(number);
            case double number:
                return JsonNumbers.FromDouble(number);
            case float number:
                return JsonNumbers.FromDouble(number);
            case BigInteger big:
                return JsonNumbers.FromExactText(big.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case DateTimeOffset date:
                return JsonValue.Create(JsonDates.Format(date));
            case DateTime date:
                return JsonValue.Create(JsonDates.Format(date));
            case DateOnly date:
                return JsonValue.Create(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            case TimeOnly time:
                return JsonValue.Create(time.ToString("HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
            case TimeSpan duration:
                return JsonSerializer.SerializeToNode(duration, ActivityJson.Options);
            case Guid id:
                return JsonValue.Create(id.ToString("D"));
            case Enum member:
                return JsonValue.Create(member.ToString());
        }

        if (depth >= MaxDepth)
        {
            throw new ResultConversionException($"the result is nested deeper than {MaxDepth} levels");
        }

        if (!path.Add(value))
        {
            throw new ResultConversionException("the result contains a cycle and cannot become JSON");
        }

        if (modelTypes is not null && modelTypes.TryGetValue(value.GetType(), out var modelJson))
        {
            // An allowed model type (a canonical record) keeps its own JSON spelling.
            return JsonSerializer.SerializeToNode(value, value.GetType(), modelJson);
        }

        try
        {
            return value switch
            {
                IDictionary dictionary => FromDictionary(dictionary, depth),
                ScriptVariableDictionary variables => FromPairs(variables, depth),
                ITuple tuple => FromTuple(tuple, depth),
                IEnumerable sequence => FromSequence(sequence, depth),
                _ when IsAnonymous(value.GetType()) => FromAnonymous(value, depth),
                _ => throw new ResultConversionException(
                    $"a value of type '{value.GetType().FullName}' cannot become JSON; return a JsonNode, a string, a number, a bool, a date, a collection or an anonymous object"),
            };
        }
        finally
        {
            path.Remove(value);
        }
    }

    private JsonObject FromDictionary(IDictionary dictionary, int depth)
    {
        var result = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            var name = entry.Key as string ?? throw new ResultConversionException("a dictionary in the result has keys that are not strings");
            Count(name.Length);
            result[name] = Convert(entry.Value, depth + 1);
        }

        return result;
    }

    private JsonObject FromPairs(IEnumerable<KeyValuePair<string, JsonNode?>> pairs, int depth)
    {
        var result = new JsonObject();
        foreach (var (name, value) in pairs)
        {
            Count(name.Length);
            result[name] = Convert(value, depth + 1);
        }

        return result;
    }

    private JsonArray FromTuple(ITuple tuple, int depth)
    {
        var result = new JsonArray();
        for (var i = 0; i < tuple.Length; i++)
        {
            result.Add(Convert(tuple[i], depth + 1));
        }

        return result;
    }

    private JsonArray FromSequence(IEnumerable sequence, int depth)
    {
        var result = new JsonArray();
        if (sequence is ICollection { Count: var count } && count > limits.MaxArraySize)
        {
            throw new ScriptBudgetExceededException(BudgetKind.ArraySize, $"returned a collection of {count} elements, more than its limit of {limits.MaxArraySize} (Limits.MaxArraySize)");
        }

        foreach (var item in sequence)
        {
            if (result.Count >= limits.MaxArraySize)
            {
                throw new ScriptBudgetExceededException(BudgetKind.ArraySize, $"returned more than its limit of {limits.MaxArraySize} elements (Limits.MaxArraySize)");
            }

            result.Add(Convert(item, depth + 1));
        }

        return result;
    }

    private JsonObject FromAnonymous(object value, int depth)
    {
        var result = new JsonObject();
        foreach (var property in AnonymousProperties.GetValue(value.GetType(), static type => type.GetProperties()))
        {
            Count(property.Name.Length);
            result[property.Name] = Convert(property.GetValue(value), depth + 1);
        }

        return result;
    }

    private static bool IsAnonymous(Type type)
        => type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
            && type.Name.Contains("AnonymousType", StringComparison.Ordinal);
}

/// <summary>The snippet's result has a shape JSON cannot hold.</summary>
internal sealed class ResultConversionException : Exception
{
    public ResultConversionException(string message)
        : base(message)
    {
    }

    public ResultConversionException()
    {
    }

    public ResultConversionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
