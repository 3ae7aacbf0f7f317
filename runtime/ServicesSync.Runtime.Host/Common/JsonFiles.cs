using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServicesSync.Host.Common;

/// <summary>Reads files given on the command line, failing with the file name and, for JSON, the line and position.</summary>
internal static class JsonFiles
{
    public static async Task<string> ReadTextAsync(string path, string what, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            // .NET reports a directory as "access denied", which sends people after permissions.
            throw new CliException(ExitCodes.InvalidInput, $"Cannot read the {what} '{path}': it is a directory, not a file");
        }

        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, $"Cannot read the {what} '{path}': {Describe(exception)}");
        }
    }

    public static async Task<JsonNode?> ReadJsonAsync(string path, string what, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(path, what, cancellationToken);
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException exception)
        {
            throw new CliException(ExitCodes.InvalidInput, $"The {what} '{path}' is not valid JSON: {DescribeSyntaxError(exception)}");
        }
    }

    /// <summary>"line 3, position 7: 'x' is an invalid start of a value" (1-based, as editors count).</summary>
    public static string DescribeSyntaxError(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var reason = (cut < 0 ? message : message[..cut]).TrimEnd();
        return exception.LineNumber is null
            ? reason
            : $"line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}: {reason}";
    }

    private static string Describe(Exception exception) => exception switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied",
        _ => exception.Message,
    };
}
