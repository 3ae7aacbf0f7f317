using ServicesSync.Designer.Hosting;

var app = DesignerApp.TryBuild(args, out var problems);
if (app is null)
{
    // As servicessync does for bad settings: one line, exit 2, no stack trace.
    await Console.Error.WriteLineAsync($"error: invalid settings: {string.Join("; ", problems)}.");
    return 2;
}

DesignerApp.Configure(app);
await app.RunAsync();
return 0;

/// <summary>The entry point; public so tests can start the designer through WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
