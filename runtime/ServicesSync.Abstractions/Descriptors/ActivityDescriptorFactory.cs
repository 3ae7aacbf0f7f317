using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Json;

namespace ServicesSync.Activities;

/// <summary>
/// Builds an <see cref="ActivityDescriptor"/> from an activity class's
/// <see cref="ActivityAttribute"/> and the <see cref="InputAttribute"/>s of its inputs class.
/// </summary>
public static class ActivityDescriptorFactory
{
    private static readonly ConcurrentDictionary<Type, ActivityDescriptor> Cache = new();

    public static ActivityDescriptor Create(Type activityType)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        return Cache.GetOrAdd(activityType, Build);
    }

    public static ActivityDescriptor Create<TActivity>()
        where TActivity : IActivity
        => Create(typeof(TActivity));

    private static ActivityDescriptor Build(Type activityType)
    {
        var attribute = activityType.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{activityType.Name} has no [Activity] attribute.");
        var inputsType = FindInputsType(activityType);
        return new ActivityDescriptor
        {
            Type = attribute.Type,
            Version = attribute.Version,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? activityType.Name.Replace("Activity", "", StringComparison.Ordinal),
            Description = attribute.Description,
            IsTrigger = attribute.IsTrigger,
            Role = attribute.Role,
            Inputs = inputsType is null ? [] : DescribeInputs(inputsType),
            Outcomes = attribute.Outcomes.Select(name => new OutcomeDescriptor(name, Humanize(name))).ToArray(),
        };
    }

    private static Type? FindInputsType(Type activityType)
    {
        for (var type = activityType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Activity<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static InputDescriptor[] DescribeInputs(Type inputsType)
    {
        var defaults = Activator.CreateInstance(inputsType);
        var inputs = new List<InputDescriptor>();
        foreach (var property in inputsType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attribute = property.GetCustomAttribute<InputAttribute>();
            if (attribute is null)
            {
                continue;
            }

            var (type, editor, options) = Infer(property.PropertyType);
            var defaultValue = defaults is null ? null : property.GetValue(defaults);
            inputs.Add(new InputDescriptor
            {
                Name = JsonNamingPolicy.CamelCase.ConvertName(property.Name),
                Type = attribute.Type ?? type,
                Editor = attribute.Editor ?? editor,
                DisplayName = attribute.DisplayName ?? Humanize(property.Name),
                Description = attribute.Description,
                Required = attribute.Required,
                Default = defaultValue is null || attribute.Required
                    ? null
                    : JsonSerializer.SerializeToNode(defaultValue, property.PropertyType, ActivityJson.Options),
                ExpressionCapable = attribute.Expressions,
                Options = attribute.Options ?? options,
            });
        }

        return [.. inputs];
    }

    private static (string Type, string Editor, string[]? Options) Infer(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type == typeof(string))
        {
            return (InputTypes.String, EditorHints.Text, null);
        }

        if (type == typeof(bool))
        {
            return (InputTypes.Boolean, EditorHints.Checkbox, null);
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return (InputTypes.Integer, EditorHints.Number, null);
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return (InputTypes.Number, EditorHints.Number, null);
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly))
        {
            return (InputTypes.String, EditorHints.Text, null);
        }

        if (type == typeof(TimeSpan))
        {
            return (InputTypes.Duration, EditorHints.Duration, null);
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName).ToArray();
            return (InputTypes.Enum, EditorHints.Select, names);
        }

        if (typeof(IDictionary<string, string>).IsAssignableFrom(type)
            || typeof(IReadOnlyDictionary<string, string>).IsAssignableFrom(type))
        {
            return (InputTypes.Object, EditorHints.KeyValue, null);
        }

        if (type == typeof(JsonObject))
        {
            return (InputTypes.Object, EditorHints.Json, null);
        }

        if (type == typeof(JsonArray) || (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && type != typeof(JsonNode)))
        {
            return (InputTypes.Array, EditorHints.Json, null);
        }

        if (type == typeof(JsonNode))
        {
            return (InputTypes.Json, EditorHints.Json, null);
        }

        return (InputTypes.Object, EditorHints.Json, null);
    }

    private static string Humanize(string name)
    {
        if (name.Length == 0)
        {
            return name;
        }

        var builder = new System.Text.StringBuilder(name.Length + 4);
        builder.Append(char.ToUpperInvariant(name[0]));
        for (var i = 1; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append(' ');
                builder.Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                builder.Append(name[i]);
            }
        }

        return builder.ToString();
    }
}
