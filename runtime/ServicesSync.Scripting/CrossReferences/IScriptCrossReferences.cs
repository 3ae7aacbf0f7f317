namespace ServicesSync.Scripting.CrossReferences;

/// <summary>
/// Seam for cross-reference lookups from snippets (<c>ctx.xref.find(...)</c> in JavaScript,
/// <c>Ctx.CrossReferences.Find(...)</c> in C#). The cross-reference table arrives with its own
/// issue; until a store registers an implementation, lookups fail with a clear message.
/// </summary>
public interface IScriptCrossReferences
{
    /// <summary>
    /// The id in <paramref name="targetSystem"/> of the <paramref name="entity"/> known in
    /// <paramref name="system"/> as <paramref name="id"/>, or null when there is no link.
    /// </summary>
    string? Find(string entity, string system, string id, string targetSystem);
}
