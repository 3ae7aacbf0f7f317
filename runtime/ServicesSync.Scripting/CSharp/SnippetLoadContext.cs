using System.Reflection;
using System.Runtime.Loader;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// A collectible load context holding one compiled snippet. Its dependencies (the framework,
/// ServicesSync.Scripting) resolve from the default context, so the guard's state is shared and
/// only the snippet's own code is unloaded with it.
/// </summary>
internal sealed class SnippetLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
