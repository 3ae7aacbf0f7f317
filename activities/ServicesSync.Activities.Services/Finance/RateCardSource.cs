using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Where rate cards come from: inline JSON (one card or an array of cards) or a file under the
/// data directory (<c>.json</c> or <c>.csv</c>). A connection source arrives with connections.
/// Paths are confined to the data directory: a workflow cannot read other files of the server.
/// </summary>
internal static class RateCardSource
{
    public static IReadOnlyList<RateCard> Load(JsonNode? value, string? dataDirectory, ActivityContext context)
    {
        switch (value)
        {
            case JsonObject card:
                return [CanonicalJson.FromNode<RateCard>(card, $"Activity '{context.ActivityId}': input 'rateCard'")];
            case JsonArray cards:
                return [.. cards.Select((c, i) => CanonicalJson.FromNode<RateCard>(c, $"Activity '{context.ActivityId}': input 'rateCard[{i}]'"))];
            case JsonValue path when path.TryGetValue<string>(out var relative):
                return LoadFile(relative, dataDirectory, context);
            default:
                throw context.InvalidInput("rateCard", $"must be a rate card object, an array of them, or a .json/.csv path under the data directory; it is {ActivityErrors.Describe(value)}.");
        }
    }

    private static IReadOnlyList<RateCard> LoadFile(string relative, string? dataDirectory, ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            throw context.InvalidInput("rateCard", $"names the file '{relative}', but this runtime has no data directory; pass the card inline or run with --data.");
        }

        var root = Path.GetFullPath(dataDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw context.InvalidInput("rateCard", $"names '{relative}', which is outside the data directory; rate card files must lie under it.");
        }

        if (!File.Exists(full))
        {
            throw context.InvalidInput("rateCard", $"names '{relative}', which does not exist under the data directory.");
        }

        var text = File.ReadAllText(full);
        var extension = Path.GetExtension(full).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" => RateCardCsv.Parse(text, relative),
                ".json" => Load(JsonNode.Parse(text), null, context),
                _ => throw context.InvalidInput("rateCard", $"names '{relative}'; rate card files are .json or .csv."),
            };
        }
        catch (JsonException ex)
        {
            throw new ServicesSyncException($"The rate card file '{relative}' is not valid JSON: {ex.Message}", ErrorKind.Validation, false, ex);
        }
    }
}
