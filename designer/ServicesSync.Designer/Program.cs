using ServicesSync.Designer.Hosting;

var app = DesignerApp.CreateBuilder(args).Build();
DesignerApp.Configure(app);
await app.RunAsync();

/// <summary>The entry point; public so tests can start the designer through WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
