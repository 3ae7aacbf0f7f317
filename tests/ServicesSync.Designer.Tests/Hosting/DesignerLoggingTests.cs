using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServicesSync.Designer.Tests.Support;

namespace ServicesSync.Designer.Tests.Hosting;

public sealed partial class DesignerLoggingTests
{
    [Fact]
    public void Log_PropertyNamedLikeASecret_IsMaskedOnTheConsoleLikeServe()
    {
        using var factory = new DesignerFactory();
        using var client = factory.CreateClient();
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ServicesSync.Designer.Tests");
        var original = Console.Out;
        using var console = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            Console.SetOut(console);
            LogCall(logger, "tenant-7f2c", "canary-designer-secret-51d");
        }
        finally
        {
            Console.SetOut(original);
        }

        var text = console.ToString();
        Assert.Contains("tenant-7f2c", text, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-designer-secret-51d", text, StringComparison.Ordinal);
        Assert.Contains("***", text, StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calling {Endpoint} with {ClientSecret}")]
    private static partial void LogCall(ILogger logger, string endpoint, string clientSecret);
}
