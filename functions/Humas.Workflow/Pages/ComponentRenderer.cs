using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Pages;

/// <summary>
/// Renders a component to a string, outside any request: mail bodies, the HTML a channel is sent, the feed's
/// entries, the stored summary. Razor encodes every value, as on the pages.
/// </summary>
public sealed class ComponentRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
{
    public async Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters) where TComponent : IComponent
    {
        // A renderer keeps every component it rendered until it is disposed, so each rendering gets its own
        // rather than one long-lived renderer growing with every mail sent; and its own scope, as the renderer's
        // services in a web host are scoped.
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(new Dictionary<string, object?>(parameters)));
            return output.ToHtmlString();
        });
    }
}
