using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using ServicesSync.Api.Health;
using ServicesSync.Persistence;

namespace ServicesSync.Host.Tests.Api;

public sealed class HealthApiTests
{
    [Fact]
    public async Task GetHealth_StoreThatFails_Returns503UnavailableProblem()
    {
        var store = DispatchProxy.Create<IWorkflowStore, FailingStore>();

        var result = await HealthApi.GetHealthAsync(store, Microsoft.Extensions.Options.Options.Create(new RuntimeOptions()), new System.Security.Claims.ClaimsPrincipal(), NullLoggerFactory.Instance, CancellationToken.None);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(503, problem.StatusCode);
        Assert.Equal("https://servicessync.dev/problems/unavailable", problem.ProblemDetails.Type);
        Assert.DoesNotContain("disk on fire", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    /// <summary>A store whose every call fails, as a broken disk or a lost database would.</summary>
    public class FailingStore : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
            => targetMethod?.Name == "get_DurabilityDescription"
                ? "test store"
                : throw new IOException("disk on fire");
    }
}
