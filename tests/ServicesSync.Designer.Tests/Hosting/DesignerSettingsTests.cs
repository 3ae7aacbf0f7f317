using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicesSync.Designer.Hosting;
using ServicesSync.Designer.Tests.Support;
using ServicesSync.Scripting;

namespace ServicesSync.Designer.Tests.Hosting;

/// <summary>The designer reads and checks the ServicesSync settings as <c>servicessync serve</c> does.</summary>
public sealed class DesignerSettingsTests
{
    [Fact]
    public void ScriptingSettings_AreBoundFromConfiguration()
    {
        using var factory = new DesignerFactory();
        using var configured = factory.WithWebHostBuilder(b => b
            .UseSetting("ServicesSync:Scripting:Isolation", "WorkerProcess")
            .UseSetting("ServicesSync:Scripting:Limits:Timeout", "00:00:07"));

        var options = configured.Services.GetRequiredService<IOptions<ScriptingOptions>>().Value;

        Assert.Equal(ScriptIsolation.WorkerProcess, options.Isolation);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Limits.Timeout);
    }

    [Theory]
    [InlineData("--ServicesSync:Triggers:MisfireTreshold=00:01:00", "ServicesSync:Triggers:MisfireTreshold is not a known setting")]
    [InlineData("--ServicesSync:Runtime:MaxParallelism=lots", "'lots' at 'ServicesSync:Runtime:MaxParallelism'")]
    public void ABadSetting_StopsTheStartNamingIt(string setting, string reason)
    {
        using var data = new TempDirectory("designer-settings-");

        var app = DesignerApp.TryBuild([$"--ServicesSync:DataDirectory={data.Path}", setting], out var problems);

        Assert.Null(app);
        Assert.Contains(problems, p => p.Contains(reason, StringComparison.Ordinal));
    }
}
