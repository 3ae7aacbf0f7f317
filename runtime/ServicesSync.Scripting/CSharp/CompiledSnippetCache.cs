using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging;
using ServicesSync.Expressions;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// Compiled snippets by content: each distinct snippet is compiled once per process (a bad one's
/// diagnostics are remembered too), and, with a cache directory, once per installation. The key
/// covers the code, its kind, the language version, the allowlist and the exact build of this
/// assembly (whose guards the code calls), so a changed rule never reuses a stale assembly. The
/// least recently used snippets beyond the capacity are unloaded with their load contexts.
/// </summary>
internal sealed partial class CompiledSnippetCache(SnippetCompiler compiler, CSharpAllowlist allowlist, ScriptingOptions options, ILogger logger)
{
    private const string Format = "servicessync-csharp-snippet/1";
    private static readonly string BuildIdentity = BuildOf(typeof(CompiledSnippetCache).Assembly);
    private readonly ConcurrentDictionary<(SnippetKind, string), Lazy<Entry>> entries = new();
    private readonly Lock evictionLock = new();
    private long useClock;
    private int diskLoads;

    public int DiskLoads => Volatile.Read(ref diskLoads);

    public Entry Get(SnippetKind kind, string code)
    {
        var lazy = entries.GetOrAdd((kind, code), key => new Lazy<Entry>(() => Create(key.Item1, key.Item2)));
        var entry = lazy.Value;
        entry.LastUsed = Interlocked.Increment(ref useClock);
        if (entries.Count > options.CSharpMemoryCacheSize)
        {
            Evict();
        }

        return entry;
    }

    /// <summary>Unloads every snippet (tests and benchmarks measure that memory comes back).</summary>
    public void Clear()
    {
        foreach (var key in entries.Keys)
        {
            if (entries.TryRemove(key, out var removed) && removed.IsValueCreated)
            {
                removed.Value.Snippet?.Unload();
            }
        }
    }

    private Entry Create(SnippetKind kind, string code)
    {
        var key = Key(kind, code);
        var path = options.CSharpCacheDirectory is { } directory ? Path.Combine(directory, key + ".dll") : null;
        if (path is not null && TryLoad(key, path) is { } loaded)
        {
            Interlocked.Increment(ref diskLoads);
            return new Entry(loaded, []);
        }

        var outcome = compiler.Compile(kind, code);
        if (outcome.Assembly is null)
        {
            return new Entry(null, outcome.Diagnostics);
        }

        if (path is not null)
        {
            TrySave(path, outcome.Assembly);
        }

        return new Entry(CompiledSnippet.Load(key, outcome.Assembly), []);
    }

    private CompiledSnippet? TryLoad(string key, string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return CompiledSnippet.Load(key, File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or TypeLoadException)
        {
            // A damaged or unreadable file is only a lost shortcut: compile again and overwrite it.
            CacheFileUnusable(logger, Path.GetFileName(path), ex.GetType().Name);
            return null;
        }
    }

    private void TrySave(string path, byte[] image)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CacheFileUnwritable(logger, Path.GetFileName(path), ex.GetType().Name);
        }
    }

    private void Evict()
    {
        lock (evictionLock)
        {
            var excess = entries.Count - (options.CSharpMemoryCacheSize * 9 / 10);
            if (entries.Count <= options.CSharpMemoryCacheSize || excess <= 0)
            {
                return;
            }

            var oldest = entries
                .Where(pair => pair.Value.IsValueCreated)
                .OrderBy(pair => pair.Value.Value.LastUsed)
                .Take(excess)
                .ToArray();
            foreach (var (key, lazy) in oldest)
            {
                if (entries.TryRemove(key, out _))
                {
                    // Unloading is cooperative: a run still using the snippet keeps it alive until it returns.
                    lazy.Value.Snippet?.Unload();
                }
            }
        }
    }

    private string Key(SnippetKind kind, string code)
    {
        var material = string.Join('\n', Format, BuildIdentity, kind, CompilerReferences.ParseOptions.LanguageVersion.ToDisplayString(), allowlist.Fingerprint, code);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    private static string BuildOf(Assembly assembly)
        => $"{assembly.GetName().Version}/{assembly.ManifestModule.ModuleVersionId:N}";

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Compiled snippet cache file {File} could not be loaded ({Error}); compiling again")]
    private static partial void CacheFileUnusable(ILogger logger, string file, string error);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Compiled snippet cache file {File} could not be written ({Error}); keeping it in memory only")]
    private static partial void CacheFileUnwritable(ILogger logger, string file, string error);

    /// <summary>A compiled snippet or the diagnostics of one that does not compile.</summary>
    internal sealed class Entry(CompiledSnippet? snippet, IReadOnlyList<ExpressionDiagnostic> diagnostics)
    {
        public CompiledSnippet? Snippet { get; } = snippet;

        public IReadOnlyList<ExpressionDiagnostic> Diagnostics { get; } = diagnostics;

        public long LastUsed { get; set; }
    }
}
