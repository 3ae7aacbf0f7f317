using System.Net;
using ServicesSync.Designer.Hosting;
using ServicesSync.Designer.Tests.Support;

namespace ServicesSync.Designer.Tests.Hosting;

public sealed class InitialApiKeyTests : IDisposable
{
    private readonly TempDirectory data = new("designer-key-");

    [Fact]
    public async Task FirstStart_PrintsTheKeyOnceWritesItOwnerOnlyAndTheKeyWorks()
    {
        using var factory = new DesignerFactory(null, data.Path);
        using var client = factory.CreateSignedInClient();

        var key = factory.InitialKey;
        Assert.StartsWith("ss_", key, StringComparison.Ordinal);
        Assert.Contains($"Sign in with this key: {key}", factory.Console.ToString(), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data.Path, InitialApiKeyOptions.FileName)));
        }

        var session = await HttpJson.ReadAsync(await client.GetAsync("/api/v1/design/session"));
        Assert.Equal(InitialApiKey.KeyName, session.GetProperty("name").GetString());
    }

    [Fact]
    public async Task SecondStart_CreatesNoNewKeyAndPrintsNone()
    {
        string first;
        using (var factory = new DesignerFactory(null, data.Path))
        {
            using var client = factory.CreateSignedInClient();
            first = factory.InitialKey;
        }

        using var again = new DesignerFactory(null, data.Path);
        using var againClient = again.CreateClient();
        againClient.DefaultRequestHeaders.Add("X-Api-Key", first);

        Assert.Equal(HttpStatusCode.OK, (await againClient.GetAsync("/api/v1/workflows")).StatusCode);
        Assert.Equal(first, again.InitialKey);
        Assert.DoesNotContain("Sign in with this key", again.Console.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => data.Dispose();
}
