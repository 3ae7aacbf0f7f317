using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Workday;

/// <summary>
/// Reads workers from a Workday Get_Workers SOAP response or from the REST <c>/workers</c> API
/// into one normalized shape. Only what the response contains is written: a field absent from
/// the response (not requested in its response group, secured by a domain) is absent here too,
/// which downstream means unknown.
/// </summary>
internal static class WorkdayWorkersParser
{
    public static JsonObject Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('<'))
        {
            return ParseSoap(WorkdayXml.Load(text));
        }

        try
        {
            return ParseRest(JsonNode.Parse(text));
        }
        catch (JsonException ex)
        {
            throw new ServicesSyncException($"The Workday response is neither XML nor JSON: {ex.Message}", ErrorKind.Validation, false, ex);
        }
    }

    public static JsonObject ParseRest(JsonNode? json)
    {
        var data = json switch
        {
            JsonObject page when page["data"] is JsonArray items => items,
            JsonObject single when single["id"] is not null => new JsonArray(single.DeepClone()),
            _ => throw new ServicesSyncException("The Workday REST response has no 'data' array of workers.", ErrorKind.Validation),
        };
        var workers = new JsonArray();
        foreach (var item in data.OfType<JsonObject>())
        {
            var worker = new JsonObject { ["source"] = "rest" };
            Set(worker, "wid", JsonValues.String(item["id"]));
            Set(worker, "workerId", JsonValues.String(item["workerId"]) ?? JsonValues.String(item["employeeID"]));
            Set(worker, "displayName", JsonValues.String(item["descriptor"]));
            Set(worker, "email", JsonValues.String(item["primaryWorkEmail"]));
            Set(worker, "jobTitle", JsonValues.String(item["businessTitle"]));
            if (item["primarySupervisoryOrganization"] is JsonObject org)
            {
                worker["supervisoryOrganization"] = Organization(JsonValues.String(org["id"]), null, JsonValues.String(org["descriptor"]));
            }

            Set(worker, "location", JsonValues.String(item["location"]?["descriptor"]));
            workers.Add(worker);
        }

        return new JsonObject { ["workers"] = workers, ["totalResults"] = JsonValues.Long(json["total"]) ?? workers.Count };
    }

    private static JsonObject ParseSoap(XDocument document)
    {
        var response = document.Descendants(WorkdayXml.Wd + "Get_Workers_Response").FirstOrDefault()
            ?? throw new ServicesSyncException("The Workday response has no Get_Workers_Response element.", ErrorKind.Validation);
        var workers = new JsonArray([.. response.Descendants(WorkdayXml.Wd + "Worker").Select(w => (JsonNode)WorkdaySoapWorker.Read(w))]);
        var results = response.Child("Response_Results");
        return new JsonObject
        {
            ["workers"] = workers,
            ["page"] = int.TryParse(results.Text("Page"), out var page) ? page : 1,
            ["totalPages"] = int.TryParse(results.Text("Total_Pages"), out var pages) ? pages : 1,
            ["totalResults"] = int.TryParse(results.Text("Total_Results"), out var total) ? total : workers.Count,
        };
    }

    internal static JsonObject Organization(string? id, string? code, string? name)
    {
        var org = new JsonObject();
        Set(org, "id", id);
        Set(org, "code", code);
        Set(org, "name", name);
        return org;
    }

    internal static void Set(JsonObject target, string name, JsonNode? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
