using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Storage;

/// <summary>
/// Brings submissions stored before the index existed into the staff list, once per storage account: at start-up it
/// reads every record, gives the ones without an index marker their rows, and then leaves a row saying it is done so
/// later starts skip the whole-table read. Several instances may run it at once; each step is safe to repeat.
/// </summary>
public sealed class IndexBackfill(SubmissionStore store, HumasStorage storage, TimeProvider clock, ILogger<IndexBackfill> logger)
    : BackgroundService
{
    public const string StatePartition = "index-state";
    public const string DoneRow = "backfill-1";

    private TableClient Table => storage.Table(HumasStorage.SubmissionIndexTable);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The list still works for everything saved since; the next start tries again.
            logger.LogWarning(e, "Index backfill stopped; it runs again at the next start.");
        }
    }

    /// <summary>Indexes what has no index rows yet; answers how many it indexed (0 when it had run before).</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var done = await Table.GetEntityIfExistsAsync<TableEntity>(StatePartition, DoneRow, cancellationToken: ct);
        if (done.HasValue) return 0;
        var indexed = 0;
        await foreach (var submission in store.AllAsync(ct))
            if (await store.IndexIfUnindexedAsync(submission, ct)) indexed++;
        await Table.UpsertEntityAsync(new TableEntity(StatePartition, DoneRow) { ["DoneAt"] = clock.GetUtcNow(), ["Indexed"] = indexed },
            TableUpdateMode.Replace, ct);
        if (indexed > 0) logger.LogInformation("Index backfill gave {Count} earlier submissions their index rows.", indexed);
        return indexed;
    }
}
