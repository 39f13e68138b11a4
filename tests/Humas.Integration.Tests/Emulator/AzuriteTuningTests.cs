using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Integration.Tests.Emulator;

/// <summary>
/// Azurite runs everywhere here with a preload that changes how LokiJS keeps and uses its indexes
/// (functions/Humas.LocalHost/Azurite/lokijs-tuning.js). These tests do the same table and queue work on a tuned
/// and an untuned Azurite side by side and require the same answers, including the shapes the preload narrows:
/// key equalities inside and outside an "and", "or" and "not" around them, paging, batches and expired messages.
/// </summary>
public sealed class AzuriteTuningTests
{
    private static readonly string[] Filters =
    [
        "PartitionKey eq 'p03'",
        "PartitionKey eq 'p03' and RowKey ge 'r05'",
        "(RowKey ge 'r05') and (PartitionKey eq 'p03')",
        "RowKey eq 'record'",
        "RowKey eq 'record' and Status eq 'A'",
        "RowKey eq '' and PartitionKey eq 'p07'",
        "PartitionKey eq 'p03' or RowKey eq 'r01'",
        "not (PartitionKey eq 'p03') and RowKey eq 'record'",
        "PartitionKey eq 'p03' and N gt 100",
        "PartitionKey eq 'p03' and PartitionKey eq 'p04'",
        "PartitionKey eq 'missing'",
        "PartitionKey eq 'o''brien'",
        "PartitionKey ge 'p10' and PartitionKey lt 'p12'",
        "Status eq 'B'",
    ];

    [Fact]
    public Task Tables_answer_the_same_with_and_without_the_tuning() =>
        SameAnswersAsync(connection => TableWorkAsync(new TableServiceClient(connection)));

    [Fact]
    public Task Queues_answer_the_same_with_and_without_the_tuning() =>
        SameAnswersAsync(connection => QueueWorkAsync(new QueueServiceClient(connection)));

    private static async Task SameAnswersAsync(Func<string, Task<string>> work)
    {
        await using var tuned = await AzuriteProcess.StartAsync(null, null, tuned: true);
        await using var plain = await AzuriteProcess.StartAsync(null, null, tuned: false);

        var expected = await work(plain.ConnectionString);
        var actual = await work(tuned.ConnectionString);

        Assert.Equal(expected, actual);
    }

    private static async Task<string> TableWorkAsync(TableServiceClient service)
    {
        var log = new StringBuilder();
        var table = service.GetTableClient("Tuning");
        await table.CreateIfNotExistsAsync();
        // Partitions of ten rows, plus rows that share one RowKey across partitions as the engine's and ours do.
        for (var i = 0; i < 300; i++)
            await table.AddEntityAsync(new TableEntity($"p{i % 30:D2}", $"r{i / 30:D2}") { ["N"] = i, ["Status"] = i % 3 == 0 ? "A" : "B" });
        for (var p = 0; p < 30; p++)
        {
            await table.AddEntityAsync(new TableEntity($"p{p:D2}", "record") { ["N"] = p, ["Status"] = p % 2 == 0 ? "A" : "B" });
            await table.AddEntityAsync(new TableEntity($"p{p:D2}", "") { ["N"] = p });
        }
        await table.AddEntityAsync(new TableEntity("o'brien", "record") { ["N"] = -1, ["Status"] = "A" });

        await QueryAllAsync(table, log);

        // Point reads, found and not, then every kind of write on rows that share keys.
        foreach (var (pk, rk) in new[] { ("p03", "r05"), ("p03", "record"), ("p07", ""), ("p03", "r99"), ("missing", "record") })
        {
            var read = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk);
            log.AppendLine($"get {pk}/{rk}: {(read.HasValue ? Row(read.Value!) : "none")}");
        }
        await table.UpsertEntityAsync(new TableEntity("p03", "record") { ["Status"] = "B" }, TableUpdateMode.Merge);
        await table.UpsertEntityAsync(new TableEntity("p04", "record") { ["N"] = 400 }, TableUpdateMode.Replace);
        await table.UpdateEntityAsync(new TableEntity("p05", "r01") { ["N"] = 501 }, ETag.All, TableUpdateMode.Merge);
        await table.DeleteEntityAsync("p06", "record");
        await table.DeleteEntityAsync("p06", "r02");
        await table.SubmitTransactionAsync(Enumerable.Range(0, 10).Select(i =>
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p08", $"r{i:D2}") { ["Status"] = "A" })));
        await table.SubmitTransactionAsync(new[]
        {
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p09", "record"), ETag.All),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p09", "new")),
        });
        try
        {
            await table.AddEntityAsync(new TableEntity("p10", "record"));
        }
        catch (RequestFailedException e)
        {
            log.AppendLine($"add existing: {e.Status} {e.ErrorCode}");
        }

        await QueryAllAsync(table, log);
        return log.ToString();
    }

    private static async Task QueryAllAsync(TableClient table, StringBuilder log)
    {
        foreach (var filter in Filters)
        {
            // Pages of seven, so that continuation tokens are part of what is compared.
            var pages = 0;
            var rows = new List<string>();
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 7).AsPages())
            {
                pages++;
                rows.AddRange(page.Values.Select(Row));
            }
            log.AppendLine($"{filter}: {rows.Count} rows in {pages} pages: {string.Join(" ", rows)}");
        }
    }

    private static string Row(TableEntity e) => $"{e.PartitionKey}/{e.RowKey}/{e.GetInt32("N")}/{e.GetString("Status")}";

    private static async Task<string> QueueWorkAsync(QueueServiceClient service)
    {
        var log = new StringBuilder();
        var first = service.GetQueueClient("tuning-control-00");
        var second = service.GetQueueClient("tuning-workitems");
        await first.CreateIfNotExistsAsync();
        await second.CreateIfNotExistsAsync();
        // Visible now, hidden for an hour (as a durable timer is), and gone in a second.
        for (var i = 0; i < 60; i++)
            await first.SendMessageAsync($"now-{i:D2}");
        // Azurite has looked for expired messages once before the short-lived ones arrive.
        log.AppendLine($"peeked: {string.Join(" ", (await first.PeekMessagesAsync(5)).Value.Select(m => m.MessageText))}");
        for (var i = 0; i < 40; i++)
            await first.SendMessageAsync($"later-{i:D2}", visibilityTimeout: TimeSpan.FromHours(1));
        for (var i = 0; i < 5; i++)
            await first.SendMessageAsync($"expiring-{i:D2}", timeToLive: TimeSpan.FromSeconds(1));
        for (var i = 0; i < 10; i++)
            await second.SendMessageAsync($"work-{i:D2}");
        await Task.Delay(TimeSpan.FromSeconds(2));

        var taken = (await first.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
        log.AppendLine($"first batch: {string.Join(" ", taken.Select(m => $"{m.MessageText}#{m.DequeueCount}").Order())}");
        foreach (var message in taken.Where((_, i) => i % 2 == 0))
            await first.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        var returned = taken.Where((_, i) => i % 2 == 1).ToList();
        foreach (var message in returned)
            await first.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        try
        {
            await first.DeleteMessageAsync(taken[1].MessageId, "AAAAAAAAAAAAAAAAAAAAAA==");
        }
        catch (RequestFailedException e)
        {
            log.AppendLine($"wrong pop receipt: {e.Status} {e.ErrorCode}");
        }

        var rest = new List<string>();
        while ((await first.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value is { Length: > 0 } batch)
            rest.AddRange(batch.Select(m => $"{m.MessageText}#{m.DequeueCount}"));
        log.AppendLine($"the rest: {string.Join(" ", rest.Order())}");
        var work = (await second.ReceiveMessagesAsync(32)).Value;
        log.AppendLine($"second queue: {string.Join(" ", work.Select(m => m.MessageText).Order())}");
        var properties = (await first.GetPropertiesAsync()).Value;
        log.AppendLine($"first queue holds about {properties.ApproximateMessagesCount}");
        return log.ToString();
    }
}
