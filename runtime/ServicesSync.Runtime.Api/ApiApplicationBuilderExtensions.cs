using Microsoft.AspNetCore.Builder;

namespace ServicesSync.Api;

public static class ApiApplicationBuilderExtensions
{
    /// <summary>
    /// The middleware the API relies on, in its order: problem details for exceptions and bare
    /// status codes, routing, then authentication and authorization. <paramref name="beforeRouting"/>
    /// lets a host add what must run before routing (the designer's static files).
    /// </summary>
    public static IApplicationBuilder UseServicesSyncApi(this IApplicationBuilder app, Action<IApplicationBuilder>? beforeRouting = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        beforeRouting?.Invoke(app);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
