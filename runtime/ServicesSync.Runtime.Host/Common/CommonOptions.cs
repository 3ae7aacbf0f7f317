using System.CommandLine;

namespace ServicesSync.Host.Common;

/// <summary>Options several commands share, so they are spelled and described the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Print more detail: debug logs, and the stack trace of an unexpected error.",
        Recursive = true,
    };

    public static Option<string?> Store() => new("--store")
    {
        Description = "Put the store on PostgreSQL: an Npgsql connection string (\"Host=…;Port=…;Database=…;Username=…\") or a postgres:// URI "
                      + $"(default: ${Composition.Storage.StoreChoice.ConnectionStringVariable}; without either, the LiteDB store under --data).",
        HelpName = "CONNECTION_STRING",
    };

    public static Option<string?> Data() => new("--data")
    {
        Description = $"The data directory holding the store (default: ${DataDirectory.EnvironmentVariable}, else ./{DataDirectory.Default}).",
        HelpName = "DIR",
    };

    /// <summary><c>--param NAME=VALUE</c> of a template folder (import, run).</summary>
    public static Option<string[]> TemplateParameter() => new("--param")
    {
        Description = "A template parameter, NAME=VALUE (repeatable): a connection id, a rate card, a schedule … See the template's template.json.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary><c>--params FILE</c> of a template folder (import, run).</summary>
    public static Option<string?> TemplateParametersFile() => new("--params")
    {
        Description = "A JSON object file of template parameters ({\"erpConnection\": \"netsuite-prod\"}); --param wins over it.",
        HelpName = "FILE",
    };
}
