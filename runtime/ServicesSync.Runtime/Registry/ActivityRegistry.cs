using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using ServicesSync.Activities;

namespace ServicesSync.Registry;

internal sealed class ActivityRegistry : IActivityRegistry
{
    private readonly FrozenDictionary<string, ActivityRegistration[]> byType;

    public ActivityRegistry(IEnumerable<ActivityRegistration> registrations)
    {
        var grouped = new Dictionary<string, List<ActivityRegistration>>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            if (!grouped.TryGetValue(registration.Descriptor.Type, out var versions))
            {
                grouped[registration.Descriptor.Type] = versions = [];
            }

            // The same type registered twice (two AddActivity calls) is one registration.
            if (versions.Exists(v => v.Descriptor.Version == registration.Descriptor.Version))
            {
                if (versions.Exists(v => v.Descriptor.Version == registration.Descriptor.Version && v.ImplementationType != registration.ImplementationType))
                {
                    throw new InvalidOperationException(
                        $"Activity type '{registration.Descriptor.Type}' version {registration.Descriptor.Version} is registered by two classes.");
                }

                continue;
            }

            versions.Add(registration);
        }

        byType = grouped.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderBy(r => r.Descriptor.Version).ToArray(),
            StringComparer.Ordinal);
        Descriptors = byType.Values
            .SelectMany(versions => versions)
            .Select(r => r.Descriptor)
            .OrderBy(d => d.Type, StringComparer.Ordinal)
            .ThenBy(d => d.Version)
            .ToArray();
    }

    public IReadOnlyList<ActivityDescriptor> Descriptors { get; }

    public bool IsKnownType(string type) => byType.ContainsKey(type);

    public bool TryFind(string type, int? version, [NotNullWhen(true)] out ActivityRegistration? registration)
    {
        registration = null;
        if (!byType.TryGetValue(type, out var versions))
        {
            return false;
        }

        if (version is null)
        {
            registration = versions[^1];
            return true;
        }

        registration = Array.Find(versions, r => r.Descriptor.Version == version.Value);
        return registration is not null;
    }
}
