namespace ServicesSync.Scripting.Snippets;

/// <summary>An expression is one value (<c>input.author.id</c>); a script is a body with <c>return</c>.</summary>
internal enum SnippetKind
{
    Expression,
    Script,
}
