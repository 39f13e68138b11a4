using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Storage;
using Microsoft.DurableTask;

namespace Humas.Workflow.Publication;

/// <summary>
/// Version 1's publication: every channel of an approved submission in this one activity, once each. Instances started
/// on version 1 still call it by this name, with this input and output; version 2 publishes through
/// <see cref="PublicationFanOut"/>.
/// </summary>
public sealed class PublishSubmission(SubmissionStore store, WebsiteFeed website, ChannelPublisher channels, Faults.FaultPoints faults)
    : TaskActivity<PublishRequest, IReadOnlyList<PublicationRecord>>
{
    public override async Task<IReadOnlyList<PublicationRecord>> RunAsync(TaskActivityContext context, PublishRequest request)
    {
        var s = await store.GetExistingAsync(request.SubmissionId);
        var results = new List<PublicationRecord> { await website.PublishAsync(s, request.At) };
        faults.CrashAfter(Faults.FaultPoints.AfterPublication(WebsiteFeed.Channel));
        // Each channel goes out on its own: one that keeps failing ends Failed and the others still publish; channels
        // without an adapter or settings are recorded as not configured, never silently skipped.
        results.AddRange(await Task.WhenAll(channels.Targets(s).Select(c => channels.PublishAsync(s, c, attempt: 1))));
        return results;
    }
}
