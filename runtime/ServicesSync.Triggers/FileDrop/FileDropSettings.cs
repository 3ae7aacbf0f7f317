using System.Text;
using System.Text.Json.Nodes;
using ServicesSync.Execution.Triggers;

namespace ServicesSync.Triggers.FileDrop;

/// <summary>A <c>core.fileDrop</c> trigger as the watcher reads it; defaults match the activity's descriptor.</summary>
internal sealed record FileDropSettings(TriggerBinding Binding, string Directory, string Pattern, char Delimiter, bool HeaderRow, Encoding Encoding)
{
    public const string Processing = "processing";
    public const string Done = "done";
    public const string Failed = "failed";

    public string WorkflowId => Binding.WorkflowId;

    /// <summary>Reads the trigger; a problem (for the log and the validator) when it cannot be used.</summary>
    public static FileDropSettings? TryFrom(TriggerBinding binding, TriggerOptions options, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var inputs = binding.Trigger.Inputs;
        problem = CheckInputs(inputs);
        if (problem is not null)
        {
            return null;
        }

        if (binding.Input("directory") is not { } input)
        {
            problem = "directory: is missing";
            return null;
        }

        var directory = ResolveDirectory(input, options, out problem);
        return directory is null
            ? null
            : new FileDropSettings(
                binding,
                directory,
                binding.Input("pattern") ?? "*.csv",
                ParseDelimiter(binding.Input("delimiter") ?? ",")!.Value,
                inputs["headerRow"] is not JsonValue header || !header.TryGetValue<bool>(out var hasHeader) || hasHeader,
                ParseEncoding(binding.Input("encoding") ?? "utf-8")!);
    }

    /// <summary>The problems of the literal inputs, or null; shared with the validator.</summary>
    public static string? CheckInputs(JsonObject inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var directory = Text(inputs["directory"]);
        if (directory is not null && string.IsNullOrWhiteSpace(directory))
        {
            return "directory: is empty; name the folder to watch";
        }

        if (Text(inputs["pattern"]) is { } pattern && (pattern.Length == 0 || pattern.IndexOfAny(['/', '\\']) >= 0))
        {
            return $"pattern: '{pattern}' must be a file name pattern such as *.csv, without folders";
        }

        if (Text(inputs["delimiter"]) is { } delimiter && ParseDelimiter(delimiter) is null)
        {
            return $"delimiter: '{delimiter}' must be one character (or \\t for a tab), not a quote or a line break";
        }

        if (Text(inputs["encoding"]) is { } encoding && ParseEncoding(encoding) is null)
        {
            return $"encoding: '{encoding}' is not supported; use utf-8, utf-16, latin1 or ascii";
        }

        return null;
    }

    private static string? ResolveDirectory(string directory, TriggerOptions options, out string? problem)
    {
        problem = null;
        if (Path.IsPathRooted(directory))
        {
            var full = Path.GetFullPath(directory);
            if (options.FileDropRoots.Any(root => IsUnder(full, Path.GetFullPath(root))))
            {
                return full;
            }

            problem = $"directory: '{directory}' is outside the allowed roots (ServicesSync:Triggers:FileDropRoots); use a folder under the data directory's drops/ or allow a root";
            return null;
        }

        if (options.DropsDirectory is null)
        {
            problem = $"directory: '{directory}' is relative, but this runtime has no data directory to put it under";
            return null;
        }

        var drops = Path.GetFullPath(options.DropsDirectory);
        var resolved = Path.GetFullPath(Path.Combine(drops, directory));
        if (!IsUnder(resolved, drops))
        {
            problem = $"directory: '{directory}' leaves the drops folder";
            return null;
        }

        return resolved;
    }

    private static bool IsUnder(string path, string root)
        => path.Equals(root, StringComparison.Ordinal)
           || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static char? ParseDelimiter(string text)
        => text switch
        {
            "\\t" or "\t" => '\t',
            { Length: 1 } when text[0] is not ('"' or '\r' or '\n') => text[0],
            _ => null,
        };

    private static Encoding? ParseEncoding(string name)
        => name.Trim().ToLowerInvariant() switch
        {
            "utf-8" or "utf8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            "utf-16" or "utf16" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true),
            "latin1" or "iso-8859-1" => Encoding.Latin1,
            "ascii" or "us-ascii" => Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            _ => null,
        };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
