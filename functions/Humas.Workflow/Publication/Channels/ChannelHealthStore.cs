using Azure.Data.Tables;
using Humas.Workflow.Storage;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// The channels that need reconnecting, one row each beside the kept tokens (partition: the channel, row: health). A
/// channel is marked when it refuses its credential and cleared when it next answers.
/// </summary>
public sealed class ChannelHealthStore(HumasStorage storage)
{
    public const string RowKey = "health";
    private TableClient Table => storage.Table(HumasStorage.CredentialsTable);

    public async Task<ChannelHealth?> GetAsync(string channel, CancellationToken ct = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(channel, RowKey, cancellationToken: ct);
        return row.HasValue ? SubmissionStore.Read<ChannelHealth>(row.Value!) : null;
    }

    /// <summary>Marks a channel; one marked already keeps its first moment.</summary>
    public async Task<ChannelHealth> MarkAsync(string channel, string reason, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await GetAsync(channel, ct) is { } marked) return marked;
        var health = new ChannelHealth(channel, now, reason);
        await Table.UpsertEntityAsync(SubmissionStore.Row(channel, RowKey, health), TableUpdateMode.Replace, ct);
        return health;
    }

    public Task SaveAsync(ChannelHealth health, CancellationToken ct = default) =>
        Table.UpsertEntityAsync(SubmissionStore.Row(health.Channel, RowKey, health), TableUpdateMode.Replace, ct);

    public async Task ClearAsync(string channel, CancellationToken ct = default)
    {
        await Table.DeleteEntityAsync(channel, RowKey, Azure.ETag.All, ct);
    }

    public async Task<IReadOnlyList<ChannelHealth>> NeedingReconnectAsync(IEnumerable<string> channels, CancellationToken ct = default)
    {
        var marked = new List<ChannelHealth>();
        foreach (var channel in channels)
            if (await GetAsync(channel, ct) is { } health) marked.Add(health);
        return marked;
    }
}
