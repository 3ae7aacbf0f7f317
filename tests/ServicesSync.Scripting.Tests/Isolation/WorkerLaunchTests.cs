using ServicesSync.Scripting.Isolation;

namespace ServicesSync.Scripting.Tests.Isolation;

/// <summary>How the worker is started: through dotnet normally, as its own executable in a self-contained publish.</summary>
public sealed class WorkerLaunchTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("servicessync-worker-").FullName;

    [Fact]
    public void FrameworkDependent_TheDotnetHostRunsTheWorkerAssembly()
    {
        var worker = Touch(WorkerLaunch.WorkerFileName);
        Touch("ServicesSync.Scripting.Worker"); // an apphost alone does not make a publish self-contained

        var launch = WorkerLaunch.From(new ScriptingOptions { WorkerPath = worker });

        Assert.False(launch.RunsDirectly);
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(launch.Host));
    }

    [Fact]
    public void SelfContained_TheWorkersOwnExecutableRuns_WithoutDotnet()
    {
        var worker = Touch(WorkerLaunch.WorkerFileName);
        var executable = Touch(OperatingSystem.IsWindows() ? "ServicesSync.Scripting.Worker.exe" : "ServicesSync.Scripting.Worker");
        Touch(OperatingSystem.IsWindows() ? "coreclr.dll" : OperatingSystem.IsMacOS() ? "libcoreclr.dylib" : "libcoreclr.so");

        var launch = WorkerLaunch.From(new ScriptingOptions { WorkerPath = worker });

        Assert.True(launch.RunsDirectly);
        Assert.Equal(executable, launch.Host);
        Assert.False(launch.Environment.ContainsKey("PATH"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Touch(string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "");
        return path;
    }
}
