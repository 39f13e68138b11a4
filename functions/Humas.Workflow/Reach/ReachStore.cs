using Azure;
using Azure.Data.Tables;
using Humas.Workflow.Storage;

namespace Humas.Workflow.Reach;

/// <summary>
/// The daily figures, one row per channel and day: the channel is the partition and the day (yyyy-MM-dd, WIB) the row,
/// so a year of one channel is one range query. A day's first row stands: a later run that day adds nothing.
/// </summary>
public sealed class ReachStore(HumasStorage storage)
{
    private TableClient Table => storage.Table(HumasStorage.ReachTable);

    public async Task<ChannelReach?> GetAsync(string channel, string day, CancellationToken ct = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(channel, day, cancellationToken: ct);
        return row.HasValue ? SubmissionStore.Read<ChannelReach>(row.Value!) : null;
    }

    /// <summary>Adds the day's row; answers the row already there when an earlier run of the day kept one.</summary>
    public async Task<(bool Added, ChannelReach Kept)> TryAddAsync(ChannelReach reach, CancellationToken ct = default)
    {
        try
        {
            await Table.AddEntityAsync(SubmissionStore.Row(reach.Channel, reach.Day, reach), ct);
            return (true, reach);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (false, (await GetAsync(reach.Channel, reach.Day, ct))!);
        }
    }

    /// <summary>A channel's rows from one day to another (both included), oldest first.</summary>
    public async Task<IReadOnlyList<ChannelReach>> RangeAsync(string channel, string fromDay, string toDay, CancellationToken ct = default)
    {
        var rows = new List<ChannelReach>();
        await foreach (var row in Table.QueryAsync<TableEntity>(
                           e => e.PartitionKey == channel && e.RowKey.CompareTo(fromDay) >= 0 && e.RowKey.CompareTo(toDay) <= 0,
                           cancellationToken: ct))
            rows.Add(SubmissionStore.Read<ChannelReach>(row));
        return rows.OrderBy(r => r.Day, StringComparer.Ordinal).ToList();
    }
}
