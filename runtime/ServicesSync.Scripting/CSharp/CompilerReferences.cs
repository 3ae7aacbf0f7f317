using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// The assemblies snippets compile against and the empty compilation every snippet starts from.
/// Both are built once: Roslyn caches metadata per reference object, and a compilation derived
/// from the same template reuses its bound references, which is most of a warm compile's speed.
/// </summary>
internal sealed class CompilerReferences
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.None);

    public CompilerReferences(CSharpAllowlist allowlist)
    {
        var assemblies = new HashSet<Assembly>
        {
            typeof(object).Assembly,
            typeof(Enumerable).Assembly,
            typeof(List<>).Assembly,
            typeof(Regex).Assembly,
            typeof(JsonNode).Assembly,
            typeof(System.Numerics.BigInteger).Assembly,
            typeof(Uri).Assembly,
            typeof(System.Net.WebUtility).Assembly,
            typeof(System.Security.Cryptography.SHA256).Assembly,
            typeof(System.Text.Encoding).Assembly,
            typeof(ScriptGlobals).Assembly,
        };
        assemblies.UnionWith(allowlist.ExtraAssemblies);

        var references = assemblies.Select(a => MetadataReference.CreateFromFile(a.Location)).ToList();

        // Implementation assemblies forward their public types through these facades.
        foreach (var facade in new[] { "System.Runtime", "netstandard", "System.Collections", "System.Linq" })
        {
            var path = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, facade + ".dll");
            if (File.Exists(path) && !references.Any(r => string.Equals(r.FilePath, path, StringComparison.Ordinal)))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        Template = CSharpCompilation.Create(
            "ServicesSync.Snippet",
            syntaxTrees: [],
            references: references,
            options: new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                // Debug code generation keeps the JIT from merging statements, so a runtime fault's stack
                // frame points at the user's exact line and column; the heavy lifting happens in the
                // (optimized) framework methods the snippet calls anyway.
                optimizationLevel: OptimizationLevel.Debug,
                allowUnsafe: false,
                concurrentBuild: false,
                deterministic: true,
                nullableContextOptions: NullableContextOptions.Disable,
                warningLevel: 0));
    }

    public CSharpCompilation Template { get; }
}
