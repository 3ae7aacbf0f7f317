return await ServicesSync.Host.Cli.InvokeAsync(args, Console.Out, Console.Error);

/// <summary>The entry point; public so tests can start the server through WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
