using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.BambooHr;

internal sealed class EmployeeEventInputs
{
    [Input(Description = "The webhook payload (event-based or field-based JSON); by default the incoming message, or 'rawBody' when given.")]
    public JsonNode? Payload { get; set; }

    [Input(Description = "The request body exactly as received; needed to verify the signature (re-serialised JSON does not verify).")]
    public string? RawBody { get; set; }

    [Input(
        Expressions = false,
        Editor = EditorHints.Secret,
        Description = "The NAME of the webhook's private key, never the key itself: read from the setting ServicesSync:Secrets:Webhooks:<name> "
            + "(environment variable ServicesSync__Secrets__Webhooks__<name>), as core.webhook does. When set, every request must carry a valid, fresh signature.")]
    public string? PrivateKey { get; set; }

    [Input(Description = "The X-BambooHR-Signature header.")]
    public string? Signature { get; set; }

    [Input(Description = "The X-BambooHR-Timestamp header.")]
    public string? Timestamp { get; set; }

    [Input(Description = "How far the signature time may be from now before the request counts as a replay.")]
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    [Input(Description = "Updates this soon after a hire's first event are folded into the hire (created is followed by updated).")]
    public TimeSpan CollapseWindow { get; set; } = TimeSpan.FromMinutes(10);
}
