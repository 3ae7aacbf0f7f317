using ServicesSync.Connections.Secrets;
using ServicesSync.Testing.Activities;
using ServicesSync.Testing.Persistence;

namespace ServicesSync.Connections.Tests.Secrets;

public sealed class SecretKeyFileTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Create_NoKeyConfigured_GeneratesAnOwnerOnlyFileOnceAndSaysSo()
    {
        var path = directory.Combine("secrets.key");
        var logger = new CapturingLogger();
        var options = new SecretsOptions { KeyFile = path };

        var first = SecretKeyRingFactory.Create(options, logger);
        var second = SecretKeyRingFactory.Create(options, logger);

        Assert.Equal(first.Current.Id, second.Current.Id);
        Assert.Single(logger.Entries, e => e.Message.Contains(path, StringComparison.Ordinal) && e.Message.Contains("generated", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.DoesNotContain(Convert.ToBase64String(first.Current.Material), logger.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ConfiguredKey_WinsOverTheFileAndTakesPreviousKeys()
    {
        var current = SecretKey.Generate();
        var previous = SecretKey.Generate();
        var options = new SecretsOptions { Key = Convert.ToBase64String(current.Material), KeyFile = directory.Combine("unused.key") };
        options.PreviousKeys.Add(Convert.ToBase64String(previous.Material));

        var ring = SecretKeyRingFactory.Create(options, new CapturingLogger());

        Assert.Equal(current.Id, ring.Current.Id);
        Assert.NotNull(ring.Find(previous.Id));
        Assert.False(File.Exists(directory.Combine("unused.key")));
    }
}
