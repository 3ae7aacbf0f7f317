using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities.Services.CrossReference;
using ServicesSync.Scripting.CrossReferences;

namespace ServicesSync.Composition;

/// <summary>
/// Cross-reference lookups for snippets (<c>ctx.xref.find</c> in JavaScript,
/// <c>Ctx.CrossReferences.Find</c> in C#), answered from the store. Snippets are synchronous, so
/// the lookup waits for the store; both stores answer from memory or a local file. The store is
/// resolved on the first lookup: tools that only validate snippets have none.
/// </summary>
internal sealed class StoreCrossReferences(IServiceProvider services) : IScriptCrossReferences
{
    private readonly Lazy<CrossReferenceResolver> resolver = new(services.GetRequiredService<CrossReferenceResolver>);

    public string? Find(string entity, string system, string id, string targetSystem)
        => resolver.Value.FindAsync(entity, system, id, targetSystem, CancellationToken.None).GetAwaiter().GetResult();
}
