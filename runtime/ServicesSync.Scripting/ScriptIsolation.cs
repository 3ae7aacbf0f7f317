namespace ServicesSync.Scripting;

/// <summary>Where snippets run. See docs/scripting.md for the trade-off.</summary>
public enum ScriptIsolation
{
    /// <summary>In the host process, bounded by the allowlist and the injected guards. For trusted authors.</summary>
    InProcess,

    /// <summary>
    /// In a pool of worker processes with OS limits and an empty environment, killed and replaced
    /// when a budget is blown. For untrusted authors; costs a round trip per evaluation.
    /// </summary>
    WorkerProcess,
}
