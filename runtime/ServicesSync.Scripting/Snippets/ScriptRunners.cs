using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ServicesSync.Scripting.Snippets;

/// <summary>
/// The installed languages: for each, the runner that checks snippets (always in-process: checking
/// compiles but never runs code) and the runner that evaluates them (in-process or in a worker).
/// </summary>
internal sealed class ScriptRunners
{
    private readonly FrozenDictionary<string, (ISnippetRunner Check, ISnippetRunner Run)> byLanguage;

    public ScriptRunners(IEnumerable<(ISnippetRunner Check, ISnippetRunner Run)> runners)
        => byLanguage = runners.ToFrozenDictionary(r => r.Check.Language, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Languages => byLanguage.Keys;

    public bool TryGetChecker(string language, [NotNullWhen(true)] out ISnippetRunner? runner)
    {
        var found = byLanguage.TryGetValue(language, out var pair);
        runner = found ? pair.Check : null;
        return found;
    }

    public bool TryGetRunner(string language, [NotNullWhen(true)] out ISnippetRunner? runner)
    {
        var found = byLanguage.TryGetValue(language, out var pair);
        runner = found ? pair.Run : null;
        return found;
    }
}
