using Azure.Data.Tables;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Storage;

/// <summary>
/// The submissions now waiting for a decision, so that the weekly summary lists the open ones without reading the
/// whole history: the rows of the staff list's index whose stage is set. Earlier releases kept a table of their own for
/// this (Waiting), written beside every save; the index row a save writes anyway says the same.
/// </summary>
public sealed class WaitingIndex(HumasStorage storage)
{
    private TableClient Table => storage.Table(HumasStorage.SubmissionIndexTable);

    public async Task<IReadOnlyList<WaitingDecision>> AllAsync(CancellationToken ct = default)
    {
        var list = new List<WaitingDecision>();
        var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {SubmissionIndex.All}")} and Stage ne ''";
        await foreach (var row in Table.QueryAsync<TableEntity>(filter,
                           select: ["Id", "Title", "Stage", "Round", "WaitingFor", "UpdatedAt", "Deadline"], cancellationToken: ct))
        {
            if (!Enum.TryParse<Stage>(row.GetString("Stage"), out var stage)) continue;
            list.Add(new WaitingDecision(row.GetString("Id"), row.GetString("Title"), stage, row.GetInt32("Round") ?? 0,
                (row.GetString("WaitingFor") ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries),
                row.GetDateTimeOffset("UpdatedAt")!.Value, row.GetDateTimeOffset("Deadline")));
        }
        return list;
    }
}
