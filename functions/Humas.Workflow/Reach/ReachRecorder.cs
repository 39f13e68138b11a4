using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Reach;

/// <summary>
/// The daily reach: each configured channel's figures once a day, and each item's figures 1 and 7 days after it was
/// published, kept in its submission's partition beside the publication's evidence. What a day has is never asked for
/// again, so a repeated run the same day changes nothing and calls no API; a channel that does not answer is left for
/// the next run and does not stop the others.
/// </summary>
public sealed class ReachRecorder(
    IEnumerable<IReachSource> sources, ReachStore store, WebsiteFeed feed, SubmissionStore submissions, ChannelHealthStore health,
    ReconnectNotice notice, TimeProvider clock, ILogger<ReachRecorder> logger)
{
    /// <summary>The days after publication an item is measured on.</summary>
    public static readonly IReadOnlyList<int> ItemDays = [1, 7];

    public static string ItemKey(string channel, int daysAfter) => $"reach-{channel}-{daysAfter}d";

    public async Task<ReachRun> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = ReachDay.Date(now);
        var day = ReachDay.Name(today);
        var configured = sources.Where(s => s.IsConfigured).ToList();
        var rows = new List<ChannelReach>();
        var recorded = new List<string>();
        var failures = new Dictionary<string, string>();
        foreach (var source in configured)
        {
            if (await store.GetAsync(source.Channel, day, ct) is { } kept)
            {
                rows.Add(kept);
                continue;
            }
            try
            {
                var (added, row) = await store.TryAddAsync(new ChannelReach(source.Channel, day, now, await source.MeasureAsync(ct)), ct);
                rows.Add(row);
                if (added) recorded.Add(source.Channel);
                // It answered with its credential: a mark from before is over.
                if (await health.GetAsync(source.Channel, ct) is not null) await health.ClearAsync(source.Channel, ct);
            }
            catch (ChannelException e)
            {
                logger.LogWarning(e, "Reach of {Channel} not measured", source.Channel);
                failures[source.Channel] = e.Message;
                if (e.NeedsReconnecting) await notice.TellAsync(await health.MarkAsync(source.Channel, e.Message, now, ct), now, ct);
            }
        }

        var items = 0;
        foreach (var days in ItemDays)
        {
            var (from, to) = ReachDay.Bounds(today.AddDays(-days));
            foreach (var item in await feed.PublishedBetweenAsync(from, to, ct))
            foreach (var source in configured.Where(s => !failures.ContainsKey(s.Channel)))
                if (await MeasureItemAsync(source, item.Id, days, now, ct)) items++;
        }
        logger.LogInformation("Reach {Day}: {Recorded} channels recorded, {Items} items measured", day, recorded.Count, items);
        return new ReachRun(day, rows, recorded, items, failures);
    }

    private async Task<bool> MeasureItemAsync(IReachSource source, string submissionId, int days, DateTimeOffset now, CancellationToken ct)
    {
        var publication = await submissions.GetMarkerAsync<PublicationRecord>(submissionId, WebsiteFeed.PublicationKey(source.Channel), ct);
        if (publication is not { Status: PublicationStatus.Published, PostId: { } postId }) return false;
        var key = ItemKey(source.Channel, days);
        if (await submissions.GetMarkerAsync<ItemReach>(submissionId, key, ct) is not null) return false;
        try
        {
            if (await source.MeasureItemAsync(postId, ct) is not { } figures) return false;
            return (await submissions.TryAddMarkerAsync(submissionId, key, new ItemReach(source.Channel, postId, days, now, figures), ct)).Added;
        }
        catch (ChannelException e)
        {
            logger.LogWarning(e, "Reach of {Id} on {Channel} not measured", submissionId, source.Channel);
            return false;
        }
    }
}
