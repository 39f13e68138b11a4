using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Vocabulary;
using Microsoft.AspNetCore.Http;

namespace Humas.Workflow.Staff;

/// <summary>
/// GET /staff: the staff workspace (<see cref="StaffWorkspace"/>). The page holds no data: it asks for the staff key
/// once, keeps it in sessionStorage (gone when the tab closes) and sends it as <c>x-functions-key</c> with every call;
/// <c>/staff?code=KEY</c> fills it in, as an Azure function key link would, and the key is taken out of the address bar.
/// The channels that need reconnecting are shown above it, as on the public dashboard.
/// </summary>
public sealed class StaffPage(UnitProfile unit, ChannelHealthStore health, IEnumerable<IPublicationChannel> channels)
{
    public async Task<IResult> ShowAsync(HttpContext http) => PageResult.Of<StaffWorkspace>(new Dictionary<string, object?>
    {
        [nameof(StaffWorkspace.Unit)] = unit,
        [nameof(StaffWorkspace.Lang)] = Language.Of(http.Request),
        [nameof(StaffWorkspace.Reconnect)] = await health.NeedingReconnectAsync(channels.Select(c => c.Name).Distinct(), http.RequestAborted),
    });
}
