using ServicesSync.Api;
using ServicesSync.Designer.Design.Pinning;
using ServicesSync.Designer.Design.Session;
using ServicesSync.Designer.Design.Templates;
using ServicesSync.Designer.Design.TestRuns;

namespace ServicesSync.Designer.Design;

/// <summary>The design-time endpoints under <c>/api/v1/design</c>, beside the shared API.</summary>
internal static class DesignApiExtensions
{
    public const string BasePath = ApiEndpointRouteBuilderExtensions.BasePath + "/design";

    public static IServiceCollection AddDesignApi(this IServiceCollection services, TemplateCatalogOptions templates)
    {
        services.AddActivity<PinnedOutputActivity>();
        services.AddTransient<PinnedOutputActivity>();
        services.AddSingleton(templates);
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<TemplateInstantiation>();
        return services;
    }

    public static IEndpointRouteBuilder MapDesignApi(this IEndpointRouteBuilder endpoints)
    {
        var design = endpoints.MapGroup(BasePath).WithTags("Designer");
        design.MapSessionApi();
        design.MapValidateApi();
        design.MapTestRunsApi();
        design.MapTemplatesApi();
        return endpoints;
    }
}
