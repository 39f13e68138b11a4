using Humas.Workflow.Http;

namespace Humas.LocalHost;

/// <summary>
/// The local host's guard in front of the staff routes (<see cref="Humas.Workflow.StaffRoutes"/>): in Azure the Functions host
/// checks the function key before the worker runs, so the handlers themselves never look for a key.
/// </summary>
public sealed class StaffKeyFilter(StaffKey key) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        key.Allows(context.HttpContext.Request) ? await next(context) : StaffKey.Refused();
}
