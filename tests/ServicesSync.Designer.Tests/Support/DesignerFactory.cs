using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Api.Security;
using ServicesSync.Designer.Hosting;

namespace ServicesSync.Designer.Tests.Support;

/// <summary>
/// The real designer composition (LiteDB in a temporary data directory, engine, core activities,
/// shared API, design endpoints) behind a test server. The initial key is printed to
/// <see cref="Console"/> instead of the process's console.
/// </summary>
public sealed class DesignerFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory data = new("designer-tests-");
    private readonly string? templates;

    public DesignerFactory()
        : this(null)
    {
    }

    internal DesignerFactory(string? templatesDirectory, string? dataDirectory = null)
    {
        templates = templatesDirectory;
        DataDirectory = dataDirectory ?? data.Path;
    }

    public string DataDirectory { get; }

    public StringWriter Console { get; } = new(CultureInfo.InvariantCulture);

    /// <summary>The key the designer created on first start, read from the file it wrote.</summary>
    public string InitialKey => File.ReadAllText(Path.Combine(DataDirectory, InitialApiKeyOptions.FileName)).Trim();

    public HttpClient CreateSignedInClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, InitialKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(DesignerSettings.DataDirectoryKey, DataDirectory);
        builder.UseSetting(DesignerSettings.TemplatesDirectoryKey, templates ?? Path.Combine(data.Path, "no-templates"));
        builder.UseSetting("ServicesSync:Api:ApiKeyCacheDuration", "00:00:00");
        builder.ConfigureTestServices(services =>
            services.AddSingleton(new InitialApiKeyOptions(DataDirectory, Console)));
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
