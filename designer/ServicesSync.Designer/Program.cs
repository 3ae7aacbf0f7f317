using ServicesSync.Composition.Settings;
using ServicesSync.Designer.Hosting;

WebApplication? app = null;
IReadOnlyList<string> problems;
try
{
    app = DesignerApp.CreateBuilder(args).Build();
    problems = app.Services.FindSettingProblems();
}
catch (Exception exception) when (SettingsServiceCollectionExtensions.SettingProblemsIn(exception) is not null)
{
    problems = SettingsServiceCollectionExtensions.SettingProblemsIn(exception)!;
}

if (problems.Count > 0)
{
    // As servicessync does for bad settings: one line, exit 2, no stack trace.
    await Console.Error.WriteLineAsync($"error: invalid settings: {string.Join("; ", problems)}.");
    return 2;
}

DesignerApp.Configure(app!);
await app!.RunAsync();
return 0;

/// <summary>The entry point; public so tests can start the designer through WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
