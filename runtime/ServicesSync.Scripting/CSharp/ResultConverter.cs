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
internal sealed class ResultConverter(ScriptLimits limits, IReadOnlyDictionary<Type, JsonSerializerOptions>? modelTypes = null)
{
    private const int MaxDepth = 128;
    private static readonly ConditionalWeakTable<Type, PropertyInfo[]> AnonymousProperties = new();
    private readonly HashSet<object> path = new(ReferenceEqualityComparer.Instance);

    public JsonNode? Convert(object? value) => Convert(value, 0);

    private JsonNode? Convert(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                return node.Parent is null ? node : node.DeepClone();
            case string text:
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
            result[name] = Convert(entry.Value, depth + 1);
        }

        return result;
    }

    private JsonObject FromPairs(IEnumerable<KeyValuePair<string, JsonNode?>> pairs, int depth)
    {
        var result = new JsonObject();
        foreach (var (name, value) in pairs)
        {
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
        foreach (var item in sequence)
        {
            if (result.Count >= limits.MaxArraySize)
            {
                throw new ScriptBudgetExceededException(BudgetKind.ArraySize, $"returned more than its limit of {limits.MaxArraySize} elements");
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
