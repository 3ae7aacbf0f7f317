namespace ServicesSync.Activities.Triggers;

/// <summary>
/// Everything here is read by the host when it builds its route table, before any run exists, so
/// nothing but <see cref="DedupeKey"/> may be an expression (and that one is evaluated over the
/// request body at intake).
/// </summary>
internal sealed class WebhookTriggerInputs
{
    [Input(Required = true, Expressions = false, Description = "Route below /hooks/, for example jira/worklogs.")]
    public string? Path { get; set; }

    [Input(Expressions = false, Description = "HTTP method the hook accepts.")]
    public WebhookMethod Method { get; set; } = WebhookMethod.Post;

    [Input(
        Expressions = false,
        Description = "How callers prove who they are: none, hmacSha256 (HMAC-SHA256 signature of the body, or of 'timestamp.body' with a timestamp header), bambooHr (X-BambooHR-Signature over body + X-BambooHR-Timestamp), sharedSecret (the secret itself in a header) or apiKey (a ServicesSync API key with the run scope in X-Api-Key).")]
    public WebhookAuth Auth { get; set; } = WebhookAuth.None;

    [Input(
        Expressions = false,
        Editor = EditorHints.Secret,
        Description = "The NAME of the secret, never its value: read from the setting ServicesSync:Secrets:Webhooks:<name> (environment variable ServicesSync__Secrets__Webhooks__<name>).")]
    public string? Secret { get; set; }

    [Input(Expressions = false, Description = "Header carrying the signature (hmacSha256; default X-Signature) or the shared secret (sharedSecret; default X-Webhook-Secret).")]
    public string? SignatureHeader { get; set; }

    [Input(Expressions = false, Description = "Header carrying the send time (Unix seconds or ISO 8601); with it, stale requests are refused. BambooHR's is fixed: X-BambooHR-Timestamp.")]
    public string? TimestampHeader { get; set; }

    [Input(Expressions = false, Description = "How far the timestamp may be from the server's clock, in seconds.")]
    public int ToleranceSeconds { get; set; } = 300;

    [Input(Expressions = false, Description = "Header with the sender's delivery id (X-GitHub-Delivery, X-Atlassian-Webhook-Identifier): a redelivery with the same id returns the first run instead of starting another.")]
    public string? DeliveryIdHeader { get; set; }

    [Input(Description = "An expression over the request body giving its business identity, e.g. input.webhookEvent + ':' + input.worklog.id; requests with the same key start one run.")]
    public string? DedupeKey { get; set; }

    [Input(Expressions = false, Description = "async answers 202 with the run id once the request is stored; sync waits (up to 30 s) and answers with the workflow's output.")]
    public WebhookMode Mode { get; set; } = WebhookMode.Async;

    [Input(Expressions = false, Description = "Largest request body accepted, in bytes.")]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    [Input(Expressions = false, Description = "Deepest JSON nesting accepted.")]
    public int MaxDepth { get; set; } = 64;
}

internal enum WebhookMethod
{
    Post,
    Put,
}

internal enum WebhookAuth
{
    None,
    HmacSha256,
    BambooHr,
    SharedSecret,
    ApiKey,
}

internal enum WebhookMode
{
    Async,
    Sync,
}
