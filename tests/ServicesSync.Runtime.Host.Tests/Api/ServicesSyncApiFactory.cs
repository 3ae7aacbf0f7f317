using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Api.Security;
using ServicesSync.Host.Serve;
using ServicesSync.Host.Tests.Support;
using ServicesSync.Persistence;

namespace ServicesSync.Host.Tests.Api;

/// <summary>
/// The real <c>serve</c> composition (LiteDB in a temporary data directory, engine, core
/// activities, API) behind a test server. One per test class; tests use unique workflow ids.
/// </summary>
public sealed class ServicesSyncApiFactory : WebApplicationFactory<Program>
{
    /// <summary>Small, so the 413 test needs no huge body.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private readonly TempDirectory data = new("servicessync-api-");

    public string DataDirectory => data.Path;

    public async Task<HttpClient> CreateClientWithScopesAsync(params string[] scopes)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, await CreateKeyAsync(scopes));
        return client;
    }

    public async Task<string> CreateKeyAsync(params string[] scopes)
    {
        var key = ApiKeys.Generate();
        var store = Services.GetRequiredService<IApiKeyStore>();
        await store.AddApiKeyAsync(ApiKeys.CreateRecord(key, "test", scopes, DateTimeOffset.UtcNow), CancellationToken.None);
        return key;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach Program's Main as --key=value arguments, read before the app is built.
        builder.UseSetting(ServeSettings.DataDirectoryKey, data.Path);
        builder.UseSetting("ServicesSync:Runtime:MaxMessageBytes", MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Revocation is then visible at once; the cache itself has its own tests.
        builder.UseSetting("ServicesSync:Api:ApiKeyCacheDuration", "00:00:00");
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
