namespace ServicesSync.Scripting;

/// <summary>Settings of the scripting engines, bound from the <c>ServicesSync:Scripting</c> section by the hosts.</summary>
public sealed class ScriptingOptions
{
    private readonly List<Type> extraCSharpTypes = [];
    private readonly Dictionary<Type, System.Text.Json.JsonSerializerOptions> resultSerializers = [];

    public ScriptLimits Limits { get; set; } = new();

    /// <summary>
    /// Where compiled C# snippets are kept so that a restart loads instead of recompiling; null keeps
    /// them in memory only. The hosts set it to <c>&lt;data&gt;/scripts</c>.
    /// </summary>
    public string? CSharpCacheDirectory { get; set; }

    /// <summary>Compiled C# snippets kept loaded; the least recently used beyond this are unloaded.</summary>
    public int CSharpMemoryCacheSize { get; set; } = 2048;

    /// <summary>Pre-hardened JavaScript engines kept ready; more are created on demand under load.</summary>
    public int JavaScriptEnginePoolSize { get; set; } = Math.Max(2, Environment.ProcessorCount);

    public ScriptIsolation Isolation { get; set; } = ScriptIsolation.InProcess;

    /// <summary>Worker processes kept running in <see cref="ScriptIsolation.WorkerProcess"/> mode.</summary>
    public int WorkerPoolSize { get; set; } = 2;

    /// <summary>Path of <c>ServicesSync.Scripting.Worker.dll</c>; null looks beside the application.</summary>
    public string? WorkerPath { get; set; }

    /// <summary>GC heap hard limit of each worker process.</summary>
    public long WorkerMemoryLimitBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>CPU seconds a worker may use over its life (RLIMIT_CPU) before the OS stops it and it is replaced.</summary>
    public int WorkerCpuSecondsLimit { get; set; } = 3600;

    /// <summary>Types C# snippets may use beyond the built-in allowlist (the canonical model, for example).</summary>
    public IReadOnlyList<Type> ExtraCSharpTypes => extraCSharpTypes;

    /// <summary>How values of the extra types become JSON when a snippet returns them.</summary>
    public IReadOnlyDictionary<Type, System.Text.Json.JsonSerializerOptions> CSharpResultSerializers => resultSerializers;

    /// <summary>
    /// Lets C# snippets use <paramref name="type"/> (and reference its assembly). With
    /// <paramref name="json"/>, a snippet may also return values of the type: they become JSON
    /// with those options (the canonical model's own spelling, for example).
    /// </summary>
    public ScriptingOptions AllowCSharpType(Type type, System.Text.Json.JsonSerializerOptions? json = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!extraCSharpTypes.Contains(type))
        {
            extraCSharpTypes.Add(type);
        }

        if (json is not null)
        {
            resultSerializers[type] = json;
        }

        return this;
    }
}
