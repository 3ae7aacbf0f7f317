using System.Globalization;

namespace ServicesSync.Scripting.Isolation;

/// <summary>
/// How a worker is started: the dotnet host and the worker assembly — or, in a self-contained
/// publish (no dotnet on the server), the worker's own executable — and an environment built from
/// nothing. The host's variables (connection strings, tokens, cloud credentials) are never
/// inherited; only the runtime settings below are passed.
/// </summary>
internal sealed record WorkerLaunch(string Host, string WorkerPath, IReadOnlyDictionary<string, string> Environment)
{
    public const string WorkerFileName = "ServicesSync.Scripting.Worker.dll";

    /// <summary>Whether <see cref="Host"/> is the worker itself (self-contained), which then takes no assembly argument.</summary>
    public bool RunsDirectly => Path.GetFileName(Host) == Path.GetFileNameWithoutExtension(WorkerPath);

    public static WorkerLaunch From(ScriptingOptions options)
    {
        var workerPath = options.WorkerPath ?? Path.Combine(AppContext.BaseDirectory, WorkerFileName);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // The GC turns allocation beyond this into OutOfMemoryException inside the worker.
            ["DOTNET_GCHeapHardLimit"] = options.WorkerMemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture),
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_EnableDiagnostics"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        return new WorkerLaunch(SelfContainedWorker(workerPath) ?? FindDotnetHost(), workerPath, environment);
    }

    /// <summary>
    /// The worker's executable when it was published self-contained: the runtime itself lies
    /// beside it, and no dotnet host may exist on the machine at all.
    /// </summary>
    private static string? SelfContainedWorker(string workerPath)
    {
        var folder = Path.GetDirectoryName(workerPath) ?? ".";
        var executable = Path.Combine(folder, Path.GetFileNameWithoutExtension(workerPath) + (OperatingSystem.IsWindows() ? ".exe" : ""));
        var runtime = OperatingSystem.IsWindows() ? "coreclr.dll" : OperatingSystem.IsMacOS() ? "libcoreclr.dylib" : "libcoreclr.so";
        return File.Exists(executable) && File.Exists(Path.Combine(folder, runtime)) ? executable : null;
    }

    private static string FindDotnetHost()
    {
        if (System.Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        if (System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        foreach (var root in new[] { System.Environment.GetEnvironmentVariable("DOTNET_ROOT"), "/usr/share/dotnet", "/usr/lib/dotnet", "/usr/local/share/dotnet" })
        {
            if (root is { Length: > 0 } && Path.Combine(root, "dotnet") is var candidate && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "dotnet";
    }
}
