using System.Text;
using Serilog.Sinks.File;

namespace ServicesSync.Host.Logging;

/// <summary>
/// Makes every log file readable by its owner only (mode 600) as it is opened: logs name runs,
/// connections and URLs, which is more than every user of the machine should read.
/// </summary>
internal sealed class OwnerOnlyLogFiles : FileLifecycleHooks
{
    public override Stream OnFileOpened(string path, Stream underlyingStream, Encoding encoding)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return base.OnFileOpened(path, underlyingStream, encoding);
    }
}
