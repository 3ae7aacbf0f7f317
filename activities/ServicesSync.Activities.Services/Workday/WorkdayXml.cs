using System.Xml;
using System.Xml.Linq;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Workday;

/// <summary>Safe reading of Workday Web Services XML (no DTDs, no external entities) and its small conventions.</summary>
internal static class WorkdayXml
{
    public static readonly XNamespace Wd = "urn:com.workday/bsvc";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    public static XDocument Load(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var document = XDocument.Load(reader);
            if (document.Descendants(Soap + "Fault").FirstOrDefault() is { } fault)
            {
                throw new ServicesSyncException(
                    $"Workday answered with a SOAP fault: {(string?)fault.Element("faultstring") ?? fault.Value}",
                    ErrorKind.Permanent,
                    false);
            }

            return document;
        }
        catch (XmlException ex)
        {
            throw new ServicesSyncException($"The Workday response is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", ErrorKind.Validation, false, ex);
        }
    }

    public static XElement? Child(this XElement? element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            current = current?.Element(Wd + name);
        }

        return current;
    }

    public static string? Text(this XElement? element, params string[] path)
        => element.Child(path) is { } found && !string.IsNullOrWhiteSpace(found.Value) ? found.Value.Trim() : null;

    /// <summary>Workday writes booleans as 1/0 (sometimes true/false); absent stays unknown.</summary>
    public static bool? Flag(this XElement? element, params string[] path)
        => element.Text(path) switch
        {
            "1" or "true" => true,
            "0" or "false" => false,
            _ => null,
        };

    /// <summary>Dates come as <c>2026-03-16</c> or with an offset, <c>2026-03-16-08:00</c>; the date part is the date.</summary>
    public static string? Date(this XElement? element, params string[] path)
        => element.Text(path) is { Length: >= 10 } text ? text[..10] : null;

    /// <summary>The id of a reference element by type, e.g. <c>Employee_ID</c>.</summary>
    public static string? Id(this XElement? reference, string type)
        => reference?.Elements(Wd + "ID").FirstOrDefault(id => (string?)id.Attribute(Wd + "type") == type)?.Value.Trim();

    public static bool HasId(this XElement? reference, string type) => reference.Id(type) is not null;
}
