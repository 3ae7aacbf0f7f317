using System.Text;
using Microsoft.Extensions.Configuration;

namespace ServicesSync.Api.Hooks;

/// <summary>
/// Secrets from configuration: <c>ServicesSync:Secrets:Webhooks:&lt;name&gt;</c>, i.e. the
/// environment variable <c>ServicesSync__Secrets__Webhooks__&lt;name&gt;</c> in a container. Read on
/// every request, so a rotated value in a reloadable source applies without a restart.
/// </summary>
internal sealed class ConfigurationWebhookSecretSource(IConfiguration configuration) : IWebhookSecretSource
{
    public const string Section = "ServicesSync:Secrets:Webhooks";

    public ValueTask<byte[]?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var value = configuration[$"{Section}:{name}"];
        return ValueTask.FromResult(string.IsNullOrEmpty(value) ? null : Encoding.UTF8.GetBytes(value));
    }
}
