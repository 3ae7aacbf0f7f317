using System.Diagnostics.CodeAnalysis;
using ServicesSync.Activities;

namespace ServicesSync.Registry;

/// <summary>Every activity type this runtime can run, by type id and version.</summary>
public interface IActivityRegistry
{
    /// <summary>Every registered version of every type, ordered by type then version.</summary>
    IReadOnlyList<ActivityDescriptor> Descriptors { get; }

    /// <summary>Finds <paramref name="type"/> at <paramref name="version"/>, or its newest version when null.</summary>
    bool TryFind(string type, int? version, [NotNullWhen(true)] out ActivityRegistration? registration);

    /// <summary>Whether any version of <paramref name="type"/> is registered.</summary>
    bool IsKnownType(string type);
}
