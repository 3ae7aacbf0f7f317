using Microsoft.Net.Http.Headers;

namespace ServicesSync.Designer.Web;

/// <summary>
/// Serves the built browser app from the web root. Hashed assets are cached for a year;
/// <c>index.html</c> never, so a new build is picked up on reload. Any other path that is not
/// an API route gets <c>index.html</c>, so the app's own URLs (<c>/workflows/x</c>) survive a reload.
/// </summary>
internal static class BrowserApp
{
    private static readonly string[] ServerPrefixes = ["/api", "/hooks", "/health", "/openapi"];

    public static IApplicationBuilder UseBrowserApp(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
    }

    public static IEndpointRouteBuilder MapBrowserAppFallback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallback(async context =>
        {
            var path = context.Request.Path;
            if (ServerPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
                || !HttpMethods.IsGet(context.Request.Method))
            {
                // No body: the status code pages middleware writes the problem document.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var environment = context.RequestServices.GetRequiredService<IWebHostEnvironment>();
            var index = environment.WebRootFileProvider.GetFileInfo("index.html");
            context.Response.Headers.CacheControl = "no-cache";
            if (!index.Exists)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(
                    "The designer's web app has not been built. Build designer/ServicesSync.Designer with Node.js installed (dotnet build runs npm for designer/web).");
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index);
        }).AllowAnonymous();
        return endpoints;
    }
}
