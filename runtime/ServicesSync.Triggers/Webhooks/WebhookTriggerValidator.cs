using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServicesSync.Activities;
using ServicesSync.Expressions;

namespace ServicesSync.Triggers.Webhooks;

/// <summary>
/// Refuses, at validation and publish, webhook settings the intake could only answer with an error:
/// a signed scheme without a secret name, a secret value pasted where its name belongs, a path that
/// is no URL path, a literal dedupe key (every request would be "the same event").
/// </summary>
internal sealed partial class WebhookTriggerValidator : IActivityNodeValidator
{
    private static readonly (string Name, int Minimum, int Maximum)[] Ranges =
        [("toleranceSeconds", 1, 86_400), ("maxBodyBytes", 1, 64 * 1024 * 1024), ("maxDepth", 1, 256)];

    public string ActivityType => Execution.Triggers.PlatformActivityTypes.WebhookTrigger;

    public IEnumerable<ActivityInputProblem> Validate(JsonObject inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (Text(inputs["path"]) is { } path && !PathPattern().IsMatch(path.Trim('/')))
        {
            yield return new("path", $"'{path}' is not a usable route: use letters, digits and - _ . ~ separated by /, e.g. jira/worklogs");
        }

        var auth = Text(inputs["auth"]) ?? "none";
        var secret = Text(inputs["secret"]);
        if (auth is "hmacSha256" or "bambooHr" or "sharedSecret" && string.IsNullOrWhiteSpace(secret))
        {
            yield return new("secret", $"is required with auth {auth}: name the secret configured as ServicesSync:Secrets:Webhooks:<name>");
        }

        if (secret is not null && !SecretNamePattern().IsMatch(secret))
        {
            yield return new("secret", "must be the NAME of a configured secret (letters, digits, - and _, at most 64), never the secret itself");
        }

        if (auth is not "hmacSha256" && Text(inputs["timestampHeader"]) is not null)
        {
            yield return new("timestampHeader", $"is only checked with auth hmacSha256 (bambooHr uses X-BambooHR-Timestamp); with auth {auth} it would protect nothing");
        }

        if (inputs["dedupeKey"] is { } key && !Expression.IsExpression(key))
        {
            yield return new("dedupeKey", "must be an expression over the body (e.g. input.webhookEvent + ':' + input.worklog.id); a fixed value would make every request the same event");
        }

        foreach (var (name, minimum, maximum) in Ranges)
        {
            if (inputs[name] is JsonValue value && value.TryGetValue<int>(out var number) && (number < minimum || number > maximum))
            {
                yield return new(name, $"must be between {minimum} and {maximum}; found {number}");
            }
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [GeneratedRegex(@"^[A-Za-z0-9\-_.~]+(/[A-Za-z0-9\-_.~]+)*$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-_]{1,64}$")]
    private static partial Regex SecretNamePattern();
}
