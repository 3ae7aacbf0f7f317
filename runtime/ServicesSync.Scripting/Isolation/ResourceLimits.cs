using System.Runtime.InteropServices;

namespace ServicesSync.Scripting.Isolation;

/// <summary>
/// OS limits a worker puts on itself first thing (setrlimit is inherited by nothing and cannot be
/// raised again without privileges): CPU seconds over its life, no core dumps, no file writes, few
/// open files. The GC heap limit cannot be set this way once the runtime is up; the pool passes it
/// as <c>DOTNET_GCHeapHardLimit</c> in the worker's environment instead.
/// </summary>
internal static class ResourceLimits
{
    private const int RlimitCpu = 0;
    private const int RlimitFsize = 1;
    private const int RlimitCore = 4;
    private const int RlimitNofile = 7;

    /// <summary>Applies the limits; returns what could not be applied (empty on success or off Linux).</summary>
    public static IReadOnlyList<string> Apply(int cpuSeconds)
    {
        if (!OperatingSystem.IsLinux())
        {
            return ["resource limits are applied on Linux only"];
        }

        var failed = new List<string>();
        Set(RlimitCpu, (ulong)cpuSeconds, "RLIMIT_CPU", failed);
        Set(RlimitCore, 0, "RLIMIT_CORE", failed);
        Set(RlimitFsize, 0, "RLIMIT_FSIZE", failed);
        Set(RlimitNofile, 256, "RLIMIT_NOFILE", failed);
        return failed;
    }

    private static void Set(int resource, ulong value, string name, List<string> failed)
    {
        var limit = new Rlimit { Current = value, Maximum = value };
        if (NativeMethods.setrlimit(resource, ref limit) != 0)
        {
            failed.Add($"{name} (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Rlimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    private static class NativeMethods
    {
        // DllImport, not LibraryImport: the generated marshaller needs unsafe code, which this
        // assembly keeps off; an int and a blittable struct by reference need no marshalling.
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int setrlimit(int resource, ref Rlimit limit);
    }
}
