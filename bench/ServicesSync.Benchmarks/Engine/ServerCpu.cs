using System.Globalization;

namespace ServicesSync.Benchmarks.Engine;

/// <summary>
/// CPU time of a PostgreSQL server on this machine, read from <c>/proc</c>: the postmaster's own
/// and its ended children's (a backend's time moves to the postmaster's <c>cutime</c> when it is
/// reaped), plus every live child's. Read around a store's whole life, after its sessions have
/// ended, this is the server's CPU for that store. Null when the server is not local or /proc
/// cannot be read.
/// </summary>
internal static class ServerCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan? Read(int postmasterPid)
    {
        try
        {
            var own = Fields(postmasterPid);
            var ticks = Ticks(own, 13) + Ticks(own, 14) + Ticks(own, 15) + Ticks(own, 16);
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmasterPid
                    && TryFields(pid) is { } child && child[3] == postmasterPid.ToString(CultureInfo.InvariantCulture))
                {
                    ticks += Ticks(child, 13) + Ticks(child, 14);
                }
            }

            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
#pragma warning disable CA1031 // A figure the driver cannot read is left out, never a failed benchmark.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>
    /// The parent of a backend (the postmaster), if <paramref name="pid"/> is a local postgres process:
    /// a remote server's backend pid may well name some unrelated process here.
    /// </summary>
    public static int? ParentOf(int pid)
        => TryFields(pid) is { } fields && fields[1] == "postgres" ? int.Parse(fields[3], CultureInfo.InvariantCulture) : null;

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);

    private static string[] Fields(int pid) => TryFields(pid) ?? throw new IOException($"no process {pid}");

    /// <summary>The fields of /proc/PID/stat, numbered as in proc(5) from 0; the name (field 1) may hold spaces.</summary>
    private static string[]? TryFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            return [stat[..(open - 1)], stat[(open + 1)..close], .. stat[(close + 2)..].Split(' ')];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
