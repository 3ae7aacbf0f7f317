namespace ServicesSync.Scripting.Activities;

/// <summary>Type ids this library adds; fixed by the definition format (DESIGN §3.3).</summary>
public static class ScriptActivityTypes
{
    public const string Script = "core.script";
}
