using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using ServicesSync.Api;
using ServicesSync.Scripting;
using ServicesSync.Triggers;

namespace ServicesSync.Composition.Settings;

/// <summary>
/// What may appear under <c>ServicesSync</c>: the options sections (keys are their properties,
/// nested objects included), the store and secrets sections and the host's folders. Anything
/// else is a typo that would otherwise be ignored without a word.
/// </summary>
internal sealed class SettingsSections(IConfiguration configuration)
{
    public const string RootKey = "ServicesSync";

    private static readonly Dictionary<string, Type> OptionsSections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Runtime"] = typeof(RuntimeOptions),
        ["Scripting"] = typeof(ScriptingOptions),
        ["Api"] = typeof(ServicesSyncApiOptions),
        ["Triggers"] = typeof(TriggerOptions),
    };

    /// <summary>Sections read by their own code; their known keys, or null when any key is a name (webhook secrets).</summary>
    private static readonly Dictionary<string, string[]> OtherSections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Store"] = ["ConnectionString", "StatementTimeout", "MigrateOnOpen"],
        ["Secrets"] = ["Key", "PreviousKeys", "Webhooks"],
    };

    private static readonly HashSet<string> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        "DataDirectory", "WorkflowsDirectory", "TemplatesDirectory",
    };

    public IConfigurationSection Root { get; } = configuration.GetSection(RootKey);

    public IReadOnlyList<string> FindUnknownKeys()
    {
        var unknown = new List<string>();
        foreach (var child in Root.GetChildren())
        {
            if (OptionsSections.TryGetValue(child.Key, out var type))
            {
                CheckObject(child, type, unknown);
            }
            else if (OtherSections.TryGetValue(child.Key, out var keys))
            {
                unknown.AddRange(child.GetChildren()
                    .Where(c => !keys.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
                    .Select(c => c.Path));
            }
            else if (!Values.Contains(child.Key))
            {
                unknown.Add(child.Path);
            }
        }

        return unknown;
    }

    private static void CheckObject(IConfigurationSection section, Type type, List<string> unknown)
    {
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !(property.CanWrite || IsCollection(property.PropertyType)))
            {
                unknown.Add(child.Path);
            }
            else if (IsNestedObject(property.PropertyType) && child.Value is null)
            {
                CheckObject(child, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, unknown);
            }
        }
    }

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsNestedObject(Type type)
        => type.IsClass && type != typeof(string) && !IsCollection(type);
}
