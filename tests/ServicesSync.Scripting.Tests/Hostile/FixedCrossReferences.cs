using ServicesSync.Scripting.CrossReferences;

namespace ServicesSync.Scripting.Tests.Hostile;

/// <summary>A cross-reference store that answers every lookup with "real-" and the source id.</summary>
internal sealed class FixedCrossReferences : IScriptCrossReferences
{
    public static FixedCrossReferences Instance { get; } = new();

    public string? Find(string entity, string system, string id, string targetSystem) => "real-" + id;
}
