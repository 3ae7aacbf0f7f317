using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

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
        var lines = Csv(text);
        var header = lines[0];
        var rows = new JsonArray();
        foreach (var line in lines.Skip(1))
        {
            if (line.Count != header.Count)
            {
                throw new InvalidDataException($"{name}: a row has {line.Count} fields, the header {header.Count}.");
            }

            var row = new JsonObject();
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = line[i];
            }

            rows.Add(row);
        }

        return new JsonObject
        {
            ["file"] = new JsonObject { ["name"] = name, ["size"] = bytes.Length, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) },
            ["rows"] = rows,
        };
    }

    // RFC 4180 as the file-drop trigger reads it: quoted fields, doubled quotes, CRLF or LF.
    private static List<List<string>> Csv(string text)
    {
        var lines = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    lines.Add(fields);
                    fields = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            lines.Add(fields);
        }

        return lines;
    }
}
