using System.Diagnostics;
using System.Reflection;

namespace ServicesSync.Scripting.CSharp;

/// <summary>A loaded snippet: the delegate that runs it and the load context to unload it with.</summary>
internal sealed class CompiledSnippet
{
    private readonly SnippetLoadContext context;
    private PositionMap? positions;

    private CompiledSnippet(SnippetLoadContext context, Assembly assembly, Func<ScriptGlobals, object?> run)
    {
        this.context = context;
        Assembly = assembly;
        Run = run;
    }

    public Assembly Assembly { get; }

    public Func<ScriptGlobals, object?> Run { get; }

    /// <summary>For tests that prove unloading works: the context is collected once nothing uses the snippet.</summary>
    public WeakReference ContextReference => new(context);

    public static CompiledSnippet Load(string key, byte[] image)
    {
        var context = new SnippetLoadContext("snippet-" + key[..16]);
        using var stream = new MemoryStream(image, writable: false);
        var assembly = context.LoadFromStream(stream);
        var method = assembly.GetType(SnippetSource.TypeName, throwOnError: true)!.GetMethod(SnippetSource.MethodName)!;
        return new CompiledSnippet(context, assembly, method.CreateDelegate<Func<ScriptGlobals, object?>>());
    }

    public void Unload() => context.Unload();

    /// <summary>The user's line and column of the innermost frame of this snippet in <paramref name="exception"/>'s stack.</summary>
    public (int? Line, int? Column) PositionOf(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetMethod()?.Module.Assembly == Assembly && frame.GetFileName() == SnippetSource.FileName && frame.GetFileLineNumber() > 0)
            {
                positions ??= PositionMap.Read(Assembly);
                return positions.ToUser(frame.GetFileLineNumber(), Math.Max(1, frame.GetFileColumnNumber()));
            }
        }

        return (null, null);
    }
}
