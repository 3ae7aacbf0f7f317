using ServicesSync.Persistence.LiteDb;
using ServicesSync.Testing.Persistence;

namespace ServicesSync.Runtime.LiteDb.Tests;

/// <summary>Other users of the machine cannot read the store: folder 700 when created, file 600.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyStoreFileTests : IDisposable
{
    private readonly TempDirectory parent = new();

    [Fact]
    public async Task Open_InANewDataDirectory_CreatesItAndTheDataFileForTheOwnerOnly()
    {
        var directory = parent.Combine("fresh");

        await using (new LiteDbWorkflowStore(new LiteDbStoreOptions { DataDirectory = directory }, TimeProvider.System))
        {
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, LiteDbStoreOptions.FileName)));
    }

    [Fact]
    public async Task Open_InAnExistingDataDirectory_KeepsTheFolderModeButRestrictsTheFile()
    {
        var directory = parent.Combine("existing");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_000);

        await using (new LiteDbWorkflowStore(new LiteDbStoreOptions { DataDirectory = directory }, TimeProvider.System))
        {
        }

        Assert.Equal((UnixFileMode)0b111_101_000, File.GetUnixFileMode(directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, LiteDbStoreOptions.FileName)));
    }

    public void Dispose() => parent.Dispose();
}
