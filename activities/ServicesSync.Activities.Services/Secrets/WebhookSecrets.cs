using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace ServicesSync.Activities.Services.Secrets;

/// <summary>
/// Webhook signing keys by name, from the settings <c>core.webhook</c> reads too:
/// <c>ServicesSync:Secrets:Webhooks:&lt;name&gt;</c> (environment variable
/// <c>ServicesSync__Secrets__Webhooks__&lt;name&gt;</c>). A definition holds only the name, so
/// exporting or templating it never carries the key. Read on each use, so a rotated value in a
/// reloadable source applies without a restart. Without configuration (a tool that only
/// validates) every name is unknown.
/// </summary>
internal sealed partial class WebhookSecrets(IConfiguration? configuration)
{
    public const string Section = "ServicesSync:Secrets:Webhooks";

    /// <summary>The key, or null when no secret of that name is configured.</summary>
    public string? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var value = IsName(name) ? configuration?[$"{Section}:{name}"] : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Names look like setting keys: letters, digits, '-' and '_', at most 64, as <c>core.webhook</c> requires.</summary>
    public static bool IsName(string? value) => value is not null && NamePattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9\-_]{1,64}$")]
    private static partial Regex NamePattern();
}
