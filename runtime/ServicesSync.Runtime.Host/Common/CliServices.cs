using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicesSync.Composition;
using ServicesSync.Composition.Storage;
using ServicesSync.Persistence;

namespace ServicesSync.Host.Common;

/// <summary>
/// The services a short-lived command needs: the engine's registry and validator, and the store
/// of a data directory when the command touches one. No hosted service runs.
/// </summary>
internal sealed class CliServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private CliServices(ServiceProvider provider) => this.provider = provider;

    public IServiceProvider Services => provider;

    public static CliServices WithoutStore()
        => new(Build(services => { }));

    public static CliServices WithStore(string dataDirectory) => WithStore(new StoreChoice(dataDirectory, null));

    public static CliServices WithStore(StoreChoice choice)
    {
        var provider = Build(services => services.AddServicesSyncStore(choice));
        var opened = new CliServices(provider);
        try
        {
            // Opening the store now turns a locked or unreadable file into one clear message.
            _ = provider.GetRequiredService<IWorkflowStore>();
            return opened;
        }
        catch (Exception exception) when (exception is not CliException)
        {
            opened.DisposeAsync().AsTask().GetAwaiter().GetResult();
            // A lock conflict means a server holds the directory; say what to do about it.
            var hint = exception.InnerException is IOException ? " Stop the server using it, or go through its HTTP API." : "";
            throw new CliException(
                ExitCodes.DataUnavailable, $"Cannot open {choice.Describe()}: {exception.Message}{hint}", exception);
        }
    }

    public IWorkflowStore Store => provider.GetRequiredService<IWorkflowStore>();

    public ValueTask DisposeAsync() => provider.DisposeAsync();

    private static ServiceProvider Build(Action<IServiceCollection> addStore)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        addStore(services);
        services.AddServicesSyncProduct(dataDirectory: null);
        return services.BuildServiceProvider();
    }
}
