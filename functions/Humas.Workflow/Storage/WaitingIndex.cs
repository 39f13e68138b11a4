using Azure.Data.Tables;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Storage;

/// <summary>
/// The submissions now waiting for a decision, one row each in one partition, kept beside the records so
/// that the weekly summary lists the open ones without reading the whole history.
/// </summary>
public sealed class WaitingIndex(HumasStorage storage)
{
    private const string Partition = "waiting";

    private TableClient Table => storage.Table(HumasStorage.WaitingTable);

    /// <summary>Mirrors a record just saved: in the index while it waits on a stage, out of it otherwise.</summary>
    public async Task MirrorAsync(Submission s, CancellationToken ct = default)
    {
        if (s.WaitingStage is { } stage)
            await Table.UpsertEntityAsync(SubmissionStore.Row(Partition, s.Id,
                new WaitingDecision(s.Id, s.Content.Title, stage, s.Round, s.WaitingFor, s.UpdatedAt, s.Deadline)), TableUpdateMode.Replace, ct);
        else
            await Table.DeleteEntityAsync(Partition, s.Id, Azure.ETag.All, ct);
    }

    public async Task<IReadOnlyList<WaitingDecision>> AllAsync(CancellationToken ct = default)
    {
        var list = new List<WaitingDecision>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
            list.Add(SubmissionStore.Read<WaitingDecision>(row));
        return list;
    }
}
