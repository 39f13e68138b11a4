using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Humas.Benchmarks.Shared;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Staff;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;

// Times the first page of the staff list filtered by status with 1,000 and with 100,000 submissions in storage
// (Azurite in memory), and, for contrast, the same answer found by reading the Submissions table without the index.
// Usage: dotnet run -c Release --project tests/Humas.Staff.Benchmarks [-- small large runs]
var small = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var large = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 21;

await using var azurite = await AzuriteProcess.StartAsync();
// Seeding a hundred thousand rows keeps Azurite busy; a slow answer is waited for rather than given up on.
var clientOptions = new TableClientOptions { Retry = { NetworkTimeout = TimeSpan.FromMinutes(10), MaxRetries = 5 } };
var tables = new TableServiceClient(azurite.ConnectionString, clientOptions);
var storage = new HumasStorage(tables, new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString));
await storage.EnsureCreatedAsync();
var index = new SubmissionIndex(storage);
var seeder = new Seeder(storage);
Console.WriteLine($"Azurite in memory (pid {azurite.ProcessId}); first page of 50, status=Published; median of {runs} runs after one warm-up.");

await seeder.UpToAsync(small);
var atSmall = await MeasureAsync(small);
await seeder.UpToAsync(large);
var atLarge = await MeasureAsync(large);

Console.WriteLine();
Console.WriteLine($"{"submissions",12} {"with index",12} {"table scan",12}");
Console.WriteLine($"{small,12:N0} {atSmall.Indexed,9:F1} ms {atSmall.Scan,9:F0} ms");
Console.WriteLine($"{large,12:N0} {atLarge.Indexed,9:F1} ms {atLarge.Scan,9:F0} ms");
Console.WriteLine($"ratio {large:N0}/{small:N0}: with index {atLarge.Indexed / atSmall.Indexed:F2}, table scan {atLarge.Scan / atSmall.Scan:F1}");
return;

async Task<(double Indexed, double Scan)> MeasureAsync(int count)
{
    var query = new SubmissionQuery { Status = SubmissionStatus.Published, PageSize = 50 };
    var first = await index.ListAsync(query);
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        var page = await index.ListAsync(query);
        times.Add(watch.Elapsed.TotalMilliseconds);
        if (page.Items.Count != first.Items.Count) throw new InvalidOperationException("The page changed between runs.");
    }

    // Without the index: every record with that status, then the newest 50.
    var scan = Stopwatch.StartNew();
    var records = new List<(DateTimeOffset CreatedAt, string Id)>();
    await foreach (var row in storage.Table(HumasStorage.SubmissionsTable).QueryAsync<TableEntity>(
                       $"RowKey eq 'record' and Status eq 'Published'", select: ["PartitionKey", "CreatedAt"]))
        records.Add((row.GetDateTimeOffset("CreatedAt")!.Value, row.PartitionKey));
    var newest = records.OrderByDescending(r => r.CreatedAt).Take(50).Select(r => r.Id).ToList();
    var scanMs = scan.Elapsed.TotalMilliseconds;
    if (!newest.SequenceEqual(first.Items.Select(i => i.Id)))
        throw new InvalidOperationException("The index and the table scan disagree on the first page.");
    Console.WriteLine($"{count,8:N0} submissions ({records.Count:N0} published): index runs " +
                      $"{string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms; scan {scanMs:F0} ms");
    return (Figures.Median(times), scanMs);
}

/// <summary>
/// Writes the rows the list and the scan read (the record, the index rows) in bulk: records one per partition in
/// parallel, index rows in batches of 100 per partition. (The index marker a save also writes is read by no query.) The statuses take turns, so a twelfth are Published.
/// </summary>
sealed class Seeder(HumasStorage storage)
{
    private static readonly SubmissionStatus[] Statuses = Enum.GetValues<SubmissionStatus>();
    private readonly DateTimeOffset start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private int written;

    public async Task UpToAsync(int count)
    {
        var watch = Stopwatch.StartNew();
        for (var from = written; from < count; from += 10_000)
        {
            await WriteAsync(Enumerable.Range(from, Math.Min(10_000, count - from)).Select(Make).ToList());
            if (count - written > 10_000) Console.WriteLine($"  {Math.Min(from + 10_000, count):N0} written after {watch.Elapsed.TotalSeconds:F0} s");
        }
        written = count;
        Console.WriteLine($"seeded {count:N0} submissions in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private async Task WriteAsync(IReadOnlyList<Submission> batch)
    {
        var records = storage.Table(HumasStorage.SubmissionsTable);
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (s, ct) =>
        {
            var record = Row(s.Id, "record", s);
            record["Status"] = s.Status.ToString();
            record["CreatedAt"] = s.CreatedAt;
            await records.UpsertEntityAsync(record, TableUpdateMode.Replace, ct);
        });
        var rows = batch.SelectMany(s => SubmissionIndex.KeysFor(s).Select(k => new TableEntity(SubmissionIndex.Summary(s)) { PartitionKey = k.Partition, RowKey = k.Row }));
        var chunks = rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)).ToList();
        var index = storage.Table(HumasStorage.SubmissionIndexTable);
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (chunk, ct) =>
            await index.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
    }

    // The store's own row shape: the value as JSON in one column.
    private static TableEntity Row<T>(string partition, string row, T value) =>
        new(partition, row) { ["Json"] = System.Text.Json.JsonSerializer.Serialize(value, SubmissionJson.Options) };

    private Submission Make(int i) => new()
    {
        Id = $"{start.AddMinutes(i):yyyyMMdd}-{i:x10}",
        Content = new SubmissionContent
        {
            Title = $"Berita kegiatan nomor {i}", Summary = "Ringkasan", ContentType = ContentTypes.All[i % ContentTypes.All.Count],
            Channels = ["website"], Track = i % 2 == 0 ? "internal" : "external", Team = "tim-kerja-3", Region = "3374",
            SubmitterName = "Ani", SubmitterEmail = "ani@example.org",
        },
        Status = Statuses[i % Statuses.Length],
        CreatedAt = start.AddMinutes(i),
        UpdatedAt = start.AddMinutes(i + 30),
    };
}
