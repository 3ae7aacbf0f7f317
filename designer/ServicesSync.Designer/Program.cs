using ServicesSync.Designer.Hosting;
using ServicesSync.Errors;
using ServicesSync.Persistence;

WebApplication? app;
try
{
    app = DesignerApp.TryBuild(args, out var problems);
    if (app is null)
    {
        // As servicessync does for bad settings: one line, exit 2, no stack trace.
        await Console.Error.WriteLineAsync($"error: invalid settings: {string.Join("; ", problems)}.");
        return 2;
    }

    // Opened before the host starts, so an unreachable database or a locked data file is one
    // line here instead of the host's "Hosting failed to start" with a stack trace.
    _ = app.Services.GetRequiredService<IWorkflowStore>();
}
catch (ServicesSyncException exception)
{
    await Console.Error.WriteLineAsync($"error: {exception.Message}");
    return exception.Kind == ErrorKind.Configuration ? 2 : 5;
}

DesignerApp.Configure(app);
await app.RunAsync();
return 0;

/// <summary>The entry point; public so tests can start the designer through WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
