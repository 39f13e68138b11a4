using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Pages;

public static class PageServices
{
    /// <summary>
    /// What <see cref="PageResult"/>'s <c>RazorComponentResult</c> renders with. Both hosts call it beside
    /// <c>AddHumasWorkflow</c>: it needs a web host (its options read <c>IWebHostEnvironment</c>), which the workflow's
    /// test hosts and the benchmarks, serving no pages, do not have.
    /// </summary>
    public static IServiceCollection AddHumasPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services;
    }
}
