using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Api.Security;
using ServicesSync.Host.Serve;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Support;
using ServicesSync.Persistence;

namespace ServicesSync.Host.Tests.Hooks;

/// <summary>
/// The real <c>serve</c> composition with webhook secrets in configuration, as an operator sets
/// them (ServicesSync__Secrets__Webhooks__NAME). One per test class; tests use unique paths.
/// </summary>
public sealed class HooksFactory : WebApplicationFactory<Program>
{
    public const string JiraSecret = "jira-signing-secret-0123456789";
    public const string BambooSecret = "bamboo-private-key-abcdef";

    private readonly TempDirectory data = new("servicessync-hooks-");

    public async Task<HttpClient> AdminAsync()
    {
        var key = ApiKeys.Generate();
        await Services.GetRequiredService<IApiKeyStore>().AddApiKeyAsync(ApiKeys.CreateRecord(key, "test", ApiScopes.All, DateTimeOffset.UtcNow), CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        return client;
    }

    public async Task PublishAsync(string definitionJson, string id)
        => await ApiScenario.PublishAsync(await AdminAsync(), definitionJson, id);

    public async Task<IReadOnlyList<WorkflowInstance>> RunsAsync(string workflowId)
        => (await Services.GetRequiredService<IInstanceStore>().QueryAsync(new InstanceQuery { WorkflowId = workflowId, Take = 500 }, CancellationToken.None)).Items;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ServeSettings.DataDirectoryKey, data.Path);
        builder.UseSetting("ServicesSync:Api:ApiKeyCacheDuration", "00:00:00");
        builder.UseSetting("ServicesSync:Secrets:Webhooks:jira", JiraSecret);
        builder.UseSetting("ServicesSync:Secrets:Webhooks:bamboo", BambooSecret);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            data.Dispose();
        }
    }
}
