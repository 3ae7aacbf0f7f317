using System.Text;
using ServicesSync.Scripting.Isolation;

// Protocol on stdout only; anything the runtime itself prints goes to stderr.
var encoding = new UTF8Encoding(false);
using var input = new StreamReader(Console.OpenStandardInput(), encoding);
using var output = new StreamWriter(Console.OpenStandardOutput(), encoding) { AutoFlush = false };
return await WorkerHost.RunAsync(input, output, Console.Error);

/// <summary>
/// Declared internal: the ASP.NET Core framework reference would otherwise make the entry point
/// public, and it would clash with the hosts' own <c>Program</c> in tests that reference both.
/// </summary>
internal partial class Program;
