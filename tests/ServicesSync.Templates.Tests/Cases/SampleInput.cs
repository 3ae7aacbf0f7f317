using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ServicesSync.Text;

namespace ServicesSync.Templates.Tests.Cases;

/// <summary>
/// The message a run starts with, from a sample file as the source system delivers it: JSON as
/// it is, XML as text (what an HTTP activity reads), and CSV as the message the file-drop trigger
/// builds — <c>{ file: { name, size, sha256 }, rows: [ { header: value } ] }</c>.
/// </summary>
internal static class SampleInput
{
    public static JsonNode? Read(string templateFolder, JsonObject run)
    {
        if (run.TryGetPropertyValue("inputJson", out var literal))
        {
            return literal?.DeepClone();
        }

        var relative = (string?)run["input"] ?? throw new InvalidDataException("A run needs 'input' (a file of the template) or 'inputJson'.");
        var path = Path.Combine(templateFolder, relative);
        var text = File.ReadAllText(path);
        return Path.GetExtension(path) switch
        {
            ".json" => JsonNode.Parse(text),
            ".csv" => FileDropMessage(Path.GetFileName(path), File.ReadAllBytes(path), text),
            _ => JsonValue.Create(text),
        };
    }

    private static JsonObject FileDropMessage(string name, byte[] bytes, string text)
    {
        // Read exactly as the file-drop trigger reads a dropped file.
        var csv = CsvReader.Read(text, ',', headerRow: true);
        if (csv.Errors.Count > 0)
        {
            throw new InvalidDataException($"{name}: {string.Join("; ", csv.Errors.Select(e => $"row {e.Row}, column {e.Column}: {e.Message}"))}");
        }

        return new JsonObject
        {
            ["file"] = new JsonObject { ["name"] = name, ["size"] = bytes.Length, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) },
            ["rows"] = csv.Rows,
        };
    }
}
