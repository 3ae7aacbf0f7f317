using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Secrets;
using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>
/// Reads a BambooHR employee webhook (either format), verifies its signature when a private key
/// is named, and routes it: the first event of a new employee is a <c>hire</c>, a follow-up inside
/// the collapse window is <c>collapsed</c> into it, later changes are <c>update</c>s, deletions
/// <c>delete</c>. A payload with several employees goes to <c>batch</c> with one event per
/// employee, each of which can be fed back into this activity.
/// </summary>
[Activity(
    ServicesActivityTypes.BambooHrEmployeeEvent,
    Category = "HR",
    DisplayName = "BambooHR employee event",
    Description = "Verifies and reads a BambooHR webhook (event- or field-based). Outputs { format, kind, employeeId, companyId, occurredAt, "
        + "changedFields, fields }; routes a new employee to 'hire' once, folds the follow-up update into it ('collapsed').",
    Outcomes = [BambooHrOutcomes.Hire, BambooHrOutcomes.Update, BambooHrOutcomes.Delete, BambooHrOutcomes.Collapsed, BambooHrOutcomes.Batch])]
internal sealed class EmployeeEventActivity(ICrossReferenceStore store, WebhookSecrets secrets) : Activity<EmployeeEventInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(EmployeeEventInputs inputs, ActivityContext context)
    {
        var now = context.Clock.GetUtcNow();
        if (!string.IsNullOrEmpty(inputs.PrivateKey))
        {
            var key = PrivateKey(inputs.PrivateKey, context);
            var body = inputs.RawBody ?? throw context.InvalidInput("rawBody", "is required to verify the signature: pass the request body exactly as received.");
            if (BambooHrSignature.Verify(key, body, inputs.Signature, inputs.Timestamp, now, inputs.Tolerance) is { } problem)
            {
                throw new ServicesSyncException($"Activity '{context.ActivityId}' ({context.ActivityType}): the webhook is not authentic: {problem}.", ErrorKind.Validation, false);
            }
        }

        var events = BambooHrWebhookParser.Parse(Payload(inputs, context));
        if (events.Count != 1)
        {
            return ActivityResult.Outcome(BambooHrOutcomes.Batch, new JsonObject { ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e.ToJson())]) });
        }

        var change = events[0];
        var outcome = await new HireCollapser(store).ClassifyAsync(change, change.OccurredAt ?? now, inputs.CollapseWindow, context.CancellationToken);
        return ActivityResult.Outcome(outcome, change.ToJson());
    }

    // The value is never echoed: if someone pasted the key itself, errors and logs must not repeat it.
    private string PrivateKey(string name, ActivityContext context)
    {
        if (!WebhookSecrets.IsName(name))
        {
            throw context.InvalidInput("privateKey", "must be the NAME of a configured secret (letters, digits, - and _, at most 64), never the key itself.");
        }

        return secrets.Find(name) ?? throw new ServicesSyncException(
            $"Activity '{context.ActivityId}' ({context.ActivityType}): the secret named by input 'privateKey' is not configured; "
            + $"set {WebhookSecrets.Section}:<name> (environment variable ServicesSync__Secrets__Webhooks__<name>).",
            ErrorKind.Configuration);
    }

    private static JsonNode? Payload(EmployeeEventInputs inputs, ActivityContext context)
    {
        if (inputs.Payload is not null)
        {
            return inputs.Payload;
        }

        if (inputs.RawBody is null)
        {
            return context.Input;
        }

        try
        {
            return JsonNode.Parse(inputs.RawBody);
        }
        catch (JsonException ex)
        {
            throw context.InvalidInput("rawBody", $"is not JSON ({ex.Message}); configure the webhook with the JSON encoding.");
        }
    }
}
