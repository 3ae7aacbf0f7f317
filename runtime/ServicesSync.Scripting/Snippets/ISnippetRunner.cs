using System.Text.Json.Nodes;
using ServicesSync.Expressions;

namespace ServicesSync.Scripting.Snippets;

/// <summary>Checks and runs snippets of one language, as expressions or as <c>core.script</c> bodies.</summary>
internal interface ISnippetRunner
{
    string Language { get; }

    IReadOnlyList<ExpressionDiagnostic> Check(SnippetKind kind, string code);

    ValueTask<JsonNode?> RunAsync(SnippetKind kind, string code, ExpressionScope scope, CancellationToken cancellationToken);
}
