using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Host.Common;

namespace ServicesSync.Host.Transfer;

/// <summary>Template parameters from <c>--params FILE</c> and <c>--param NAME=VALUE</c>, the latter winning.</summary>
internal static class TemplateParameters
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string[]? pairs, string? file, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file is not null)
        {
            var text = await JsonFiles.ReadTextAsync(file, "parameters file", cancellationToken);
            JsonNode? parsed;
            try
            {
                parsed = JsonNode.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new CliException(ExitCodes.InvalidInput, $"{file}: not JSON: {ex.Message}");
            }

            if (parsed is not JsonObject fields)
            {
                throw new CliException(ExitCodes.InvalidInput, $"{file}: must be a JSON object of parameter names to values.");
            }

            foreach (var (name, value) in fields)
            {
                if (value is null)
                {
                    // Taken as text, null would become the connection id "null" without a word.
                    throw new CliException(ExitCodes.InvalidInput, $"{file}: parameter '{name}' is null; give it a value, or leave it out to take its default.");
                }

                // Strings as they are; anything else (a rate card object, a number) as JSON text.
                values[name] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
            }
        }

        foreach (var pair in pairs ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliException(ExitCodes.InvalidInput, $"--param '{pair}' must be NAME=VALUE.");
            }

            values[pair[..equals]] = pair[(equals + 1)..];
        }

        return values;
    }
}
