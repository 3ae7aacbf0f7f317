using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Testing.Stubs;

/// <summary>
/// Workday for one tenant, with a bearer token (else 401 <c>{ error, errors }</c>): the REST API
/// (<c>GET /ccx/api/v1/{tenant}/workers?limit&amp;offset</c> as <c>{ total, data }</c>,
/// <c>GET …/workers/{id}</c>, 404 <c>{ error: "invalid resource id" }</c> for an unknown one) and
/// the Human_Resources SOAP service (<c>POST /ccx/service/{tenant}/Human_Resources/{version}</c>,
/// Get_Workers answered page by page from the request's Page and Count; anything else is a SOAP
/// fault with status 500, as Workday does).
/// </summary>
public sealed class WorkdayStub : IAsyncDisposable
{
    private static readonly XNamespace Wd = "urn:com.workday/bsvc";
    private static readonly XNamespace Env = "http://schemas.xmlsoap.org/soap/envelope/";
    private readonly ConcurrentQueue<JsonObject> restWorkers = new();
    private readonly ConcurrentQueue<XElement> soapWorkers = new();

    private WorkdayStub(string tenant, string token)
    {
        Tenant = tenant;
        Token = token;
    }

    public StubServer Server { get; private set; } = null!;

    public string Tenant { get; }

    public string Token { get; }

    public static async Task<WorkdayStub> StartAsync(string tenant, string token)
    {
        var stub = new WorkdayStub(tenant, token);
        stub.Server = await StubServer.StartAsync(stub.HandleAsync);
        return stub;
    }

    /// <summary>Adds a worker as the REST API shows it (<c>id</c> = WID, descriptor, workerId, primaryWorkEmail …).</summary>
    public WorkdayStub AddRestWorker(JsonObject worker)
    {
        restWorkers.Enqueue(worker);
        return this;
    }

    /// <summary>Adds every <c>wd:Worker</c> element of a Get_Workers response, as the SOAP service will serve them.</summary>
    public WorkdayStub AddSoapWorkers(string getWorkersResponse)
    {
        foreach (var worker in XDocument.Parse(getWorkersResponse).Descendants(Wd + "Worker"))
        {
            soapWorkers.Enqueue(new XElement(worker));
        }

        return this;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string body)
    {
        if (!StubHttp.HasAuthorization(context, "Bearer " + Token))
        {
            await StubHttp.Json(context, 401, new JsonObject { ["error"] = "invalid_token", ["errors"] = new JsonArray(new JsonObject { ["error"] = "Invalid access token." }) });
            return;
        }

        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        var rest = $"/ccx/api/v1/{Tenant}/workers";
        if (HttpMethods.IsPost(context.Request.Method) && path.StartsWith($"/ccx/service/{Tenant}/Human_Resources/", StringComparison.Ordinal))
        {
            await SoapAsync(context, body);
        }
        else if (HttpMethods.IsGet(context.Request.Method) && path == rest)
        {
            var offset = StubHttp.QueryInt(context, "offset", 0);
            var limit = StubHttp.QueryInt(context, "limit", 20);
            var all = restWorkers.ToArray();
            await StubHttp.Json(context, 200, new JsonObject { ["total"] = all.Length, ["data"] = new JsonArray([.. all.Skip(offset).Take(limit).Select(w => (JsonNode)w.DeepClone())]) });
        }
        else if (HttpMethods.IsGet(context.Request.Method) && path.StartsWith(rest + "/", StringComparison.Ordinal)
                 && restWorkers.FirstOrDefault(w => (string?)w["id"] == path[(rest.Length + 1)..]) is { } worker)
        {
            await StubHttp.Json(context, 200, worker.DeepClone());
        }
        else
        {
            await StubHttp.Json(context, 404, new JsonObject { ["error"] = "invalid resource id", ["errors"] = new JsonArray(new JsonObject { ["error"] = $"Not found: {path}" }) });
        }
    }

    private Task SoapAsync(HttpContext context, string body)
    {
        XElement? request;
        try
        {
            request = XDocument.Parse(body).Descendants(Wd + "Get_Workers_Request").FirstOrDefault();
        }
        catch (System.Xml.XmlException)
        {
            request = null;
        }

        if (request is null)
        {
            var fault = new XElement(Env + "Envelope", new XAttribute(XNamespace.Xmlns + "env", Env.NamespaceName), new XElement(
                Env + "Body", new XElement(Env + "Fault", new XElement("faultcode", "SOAP-ENV:Client.validationError"), new XElement("faultstring", "Validation error occurred. Invalid request"))));
            return StubHttp.Text(context, 500, fault.ToString(), "text/xml; charset=utf-8");
        }

        var page = int.TryParse((string?)request.Descendants(Wd + "Page").FirstOrDefault(), CultureInfo.InvariantCulture, out var p) ? p : 1;
        var count = int.TryParse((string?)request.Descendants(Wd + "Count").FirstOrDefault(), CultureInfo.InvariantCulture, out var c) ? c : 100;
        var all = soapWorkers.ToArray();
        var pages = Math.Max(1, (all.Length + count - 1) / count);
        var slice = all.Skip((page - 1) * count).Take(count).ToArray();
        var response = new XElement(
            Wd + "Get_Workers_Response",
            new XAttribute(XNamespace.Xmlns + "wd", Wd.NamespaceName),
            new XAttribute(Wd + "version", "v44.2"),
            new XElement(
                Wd + "Response_Results",
                new XElement(Wd + "Total_Results", all.Length),
                new XElement(Wd + "Total_Pages", pages),
                new XElement(Wd + "Page_Results", slice.Length),
                new XElement(Wd + "Page", page)),
            new XElement(Wd + "Response_Data", slice));
        var envelope = new XElement(Env + "Envelope", new XAttribute(XNamespace.Xmlns + "env", Env.NamespaceName), new XElement(Env + "Body", response));
        return StubHttp.Text(context, 200, envelope.ToString(), "text/xml; charset=utf-8");
    }
}
