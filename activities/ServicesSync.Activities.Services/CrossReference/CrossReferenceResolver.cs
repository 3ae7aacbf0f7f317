using ServicesSync.Persistence;

namespace ServicesSync.Activities.Services.CrossReference;

/// <summary>
/// The lookup scripts need (<c>ctx.xref.find(entity, system, id, targetSystem)</c>): the id in
/// targetSystem of the entity known in system as
/// id, or null. The scripting feature's <c>IScriptCrossReferences</c> seam is
/// meant to be implemented by a thin adapter over this class (see docs/canonical.md).
/// </summary>
public sealed class CrossReferenceResolver(ICrossReferenceStore store)
{
    public async Task<string?> FindAsync(string entity, string system, string id, string targetSystem, CancellationToken cancellationToken)
    {
        var answer = await new CrossReferenceQuery(entity, system, id, targetSystem == Canonical.ExternalRef.CanonicalSystem ? null : targetSystem)
            .RunAsync(store, cancellationToken);
        return targetSystem == Canonical.ExternalRef.CanonicalSystem ? answer.CanonicalId : answer.TargetId;
    }
}
