using Azure.Data.Tables;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Publication;

/// <summary>The built-in website channel: the public feed behind /published, /feed.atom and /api/published.</summary>
public sealed class WebsiteFeed(HumasStorage storage, SubmissionStore store, Links.Links links)
{
    public const string Channel = "website";
    private TableClient Table => storage.Table(HumasStorage.PublishedTable);

    public static string PublicationKey(string channel) => $"publication-{channel}";

    /// <summary>Publishes once: a retry finds the first publication's marker and rewrites the same feed row.</summary>
    public async Task<PublicationRecord> PublishAsync(Submission s, DateTimeOffset now, CancellationToken ct = default)
    {
        var url = $"{links.BaseUrl}/published#{s.Id}";
        var (_, record) = await store.TryAddMarkerAsync(s.Id, PublicationKey(Channel),
            new PublicationRecord(Channel, PublicationStatus.Published, s.Id, url, now, "feed"), ct);
        var item = new PublishedItem(s.Id, s.Content.Title, s.Content.Summary, s.Content.Body, s.Content.ContentType,
            s.Content.Team, s.Content.Region, s.Content.Program, s.Content.PriorityProgram,
            s.Media.Select(m => new PublishedMedia(m.Name, m.ContentType, m.Size, MediaUrl(s.Id, m), m.Alt, m.Caption, m.Transcript)).ToList(),
            record.At, url);
        await Table.UpsertEntityAsync(SubmissionStore.Row(Channel, FeedKey(record.At, s.Id), item), TableUpdateMode.Replace, ct);
        return record;
    }

    /// <summary>The marker a takedown leaves on a channel; on the website it keeps /media from serving the item's files.</summary>
    public static string TakedownKey(string channel) => $"takedown-{channel}";

    /// <summary>Takes the item out of the feed (and so /published and /feed.atom); removing it again finds nothing to remove.</summary>
    public async Task RemoveAsync(string submissionId, DateTimeOffset publishedAt, CancellationToken ct = default)
    {
        try
        {
            await Table.DeleteEntityAsync(Channel, FeedKey(publishedAt, submissionId), Azure.ETag.All, ct);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // Removed by an earlier delivery.
        }
    }

    public async Task<IReadOnlyList<PublishedItem>> LatestAsync(int take, CancellationToken ct = default)
    {
        var items = new List<PublishedItem>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Channel, maxPerPage: take, cancellationToken: ct))
        {
            items.Add(SubmissionStore.Read<PublishedItem>(row));
            if (items.Count >= take) break;
        }
        return items;
    }

    /// <summary>The items published from one moment (included) to another (excluded), newest first.</summary>
    public async Task<IReadOnlyList<PublishedItem>> PublishedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        // Newest first: the later moment has the smaller key; a tick before a moment is the key just above all of its rows.
        var low = FeedKey(to.AddTicks(-1), "");
        var high = FeedKey(from.AddTicks(-1), "");
        var items = new List<PublishedItem>();
        await foreach (var row in Table.QueryAsync<TableEntity>(
                           e => e.PartitionKey == Channel && e.RowKey.CompareTo(low) >= 0 && e.RowKey.CompareTo(high) < 0, cancellationToken: ct))
            items.Add(SubmissionStore.Read<PublishedItem>(row));
        return items;
    }

    public string MediaUrl(string id, MediaItem m) => $"{links.BaseUrl}/media/{id}/{Uri.EscapeDataString(m.Name)}";

    // Newest first in the table's own order.
    private static string FeedKey(DateTimeOffset at, string id) => $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{id}";
}
