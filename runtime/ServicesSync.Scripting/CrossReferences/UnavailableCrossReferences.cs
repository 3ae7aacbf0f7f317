namespace ServicesSync.Scripting.CrossReferences;

/// <summary>The default until a cross-reference store is installed: every lookup says so.</summary>
internal sealed class UnavailableCrossReferences : IScriptCrossReferences
{
    public static UnavailableCrossReferences Instance { get; } = new();

    public string? Find(string entity, string system, string id, string targetSystem)
        => throw new InvalidOperationException("Cross-reference lookups are not available in this runtime yet.");
}
