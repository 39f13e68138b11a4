using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Humas.Benchmarks.Shared;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;

// Times the first page of the staff list filtered by status with 1,000 and with 100,000 submissions in storage, and,
// for contrast, the same answer found by reading the Submissions table without the index.
// Usage: dotnet run -c Release --project tests/Humas.Staff.Benchmarks [-- small large runs]
var small = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var large = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 21;

var folder = Directory.CreateTempSubdirectory("humas-staff-bench-").FullName;
try
{
    await using var azurite = await AzuriteProcess.StartAsync(folder);
    var seeder = new Seeder();
    Console.WriteLine($"Azurite on {folder}; first page of 50, status=Published; median of {runs} runs after one warm-up.");

    var storage = await OpenAsync(azurite);
    await seeder.ThroughApiAsync(storage, small);
    var atSmall = await MeasureAsync(storage, small);

    // Through its API, Azurite slows with every record: it finds a row by its RowKey index first, and every record's
    // RowKey is "record", so each write compares the new key with all records so far (100,000 would take hours).
    // The rest are written into Azurite's own database file, by its own storage library, while it is stopped.
    await azurite.StopAsync();
    await seeder.IntoDatabaseFileAsync(folder, small, large);
    await azurite.RestartAsync();
    var atLarge = await MeasureAsync(await OpenAsync(azurite), large);

    Console.WriteLine();
    Console.WriteLine($"{"submissions",12} {"with index",12} {"table scan",12}");
    Console.WriteLine($"{small,12:N0} {atSmall.Indexed,9:F1} ms {atSmall.Scan,9:F0} ms");
    Console.WriteLine($"{large,12:N0} {atLarge.Indexed,9:F1} ms {atLarge.Scan,9:F0} ms");
    Console.WriteLine($"ratio {large:N0}/{small:N0}: with index {atLarge.Indexed / atSmall.Indexed:F2}, table scan {atLarge.Scan / atSmall.Scan:F1}");
}
finally
{
    Directory.Delete(folder, recursive: true);
}
return;

static async Task<HumasStorage> OpenAsync(AzuriteProcess azurite)
{
    // A hundred thousand rows keep Azurite busy; a slow answer is waited for rather than given up on.
    var options = new TableClientOptions { Retry = { NetworkTimeout = TimeSpan.FromMinutes(10), MaxRetries = 5 } };
    var storage = new HumasStorage(new TableServiceClient(azurite.ConnectionString, options),
        new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString));
    await storage.EnsureCreatedAsync();
    return storage;
}

async Task<(double Indexed, double Scan)> MeasureAsync(HumasStorage storage, int count)
{
    var index = new SubmissionIndex(storage);
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
/// The rows the list and the scan read, as a save writes them: the record and the index rows (the index marker a save
/// also writes is read by no query). The statuses take turns, so a twelfth are Published.
/// </summary>
sealed class Seeder
{
    private static readonly SubmissionStatus[] Statuses = Enum.GetValues<SubmissionStatus>();
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Submissions [0, count) through Azurite's API: records one per partition in parallel, index rows in batches of 100.</summary>
    public async Task ThroughApiAsync(HumasStorage storage, int count)
    {
        var watch = Stopwatch.StartNew();
        var batch = Enumerable.Range(0, count).Select(Make).ToList();
        var records = storage.Table(HumasStorage.SubmissionsTable);
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (s, ct) =>
            await records.UpsertEntityAsync(Record(s), TableUpdateMode.Replace, ct));
        var chunks = batch.SelectMany(IndexRows).GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)).ToList();
        var index = storage.Table(HumasStorage.SubmissionIndexTable);
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (chunk, ct) =>
            await index.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
        Console.WriteLine($"seeded {count:N0} submissions through the API in {watch.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// Submissions [from, to) into the table database of a stopped Azurite: the rows as the SDK sends them (one JSON
    /// line each), added by bulk-load.js with LokiJS, the library Azurite keeps its tables in.
    /// </summary>
    public async Task IntoDatabaseFileAsync(string folder, int from, int to)
    {
        var watch = Stopwatch.StartNew();
        var lines = Path.Combine(folder, "bulk-rows.jsonl");
        await using (var file = new StreamWriter(lines))
        {
            for (var i = from; i < to; i++)
            {
                var s = Make(i);
                await file.WriteLineAsync(Line(HumasStorage.SubmissionsTable, Record(s)));
                foreach (var row in IndexRows(s)) await file.WriteLineAsync(Line(HumasStorage.SubmissionIndexTable, row));
            }
        }
        var script = Path.Combine(AppContext.BaseDirectory, "bulk-load.js");
        var node = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.Root, RedirectStandardError = true };
        foreach (var a in new[] { script, Path.Combine(folder, "__azurite_db_table__.json"), AzuriteProcess.AccountName, lines }) node.ArgumentList.Add(a);
        using var process = Process.Start(node)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"bulk-load.js failed ({process.ExitCode}): {errors}");
        File.Delete(lines);
        Console.WriteLine($"added {to - from:N0} submissions to Azurite's database file in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static TableEntity Record(Submission s) =>
        new(s.Id, "record") { ["Json"] = JsonSerializer.Serialize(s, SubmissionJson.Options), ["Status"] = s.Status.ToString(), ["CreatedAt"] = s.CreatedAt };

    private static IEnumerable<TableEntity> IndexRows(Submission s) =>
        SubmissionIndex.KeysFor(s).Select(k => new TableEntity(SubmissionIndex.Summary(s)) { PartitionKey = k.Partition, RowKey = k.Row });

    /// <summary>A row in the OData JSON the Tables SDK sends (and Azurite keeps): dates and 64-bit numbers annotated, nulls left out.</summary>
    private static string Line(string table, TableEntity row)
    {
        var properties = new Dictionary<string, object>();
        foreach (var (name, value) in row)
        {
            switch (value)
            {
                case null or Azure.ETag: break;
                case DateTimeOffset at:
                    properties[name] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
                    properties[name + "@odata.type"] = "Edm.DateTime";
                    break;
                case long n:
                    properties[name] = n.ToString(CultureInfo.InvariantCulture);
                    properties[name + "@odata.type"] = "Edm.Int64";
                    break;
                default: properties[name] = value; break;
            }
        }
        return JsonSerializer.Serialize(new { table, properties });
    }

    private static Submission Make(int i) => new()
    {
        Id = $"{Start.AddMinutes(i):yyyyMMdd}-{i:x10}",
        Content = new SubmissionContent
        {
            Title = $"Berita kegiatan nomor {i}", Summary = "Ringkasan", ContentType = ContentTypes.All[i % ContentTypes.All.Count],
            Channels = ["website"], Track = i % 2 == 0 ? "internal" : "external", Team = "tim-kerja-3", Region = "3374",
            SubmitterName = "Ani", SubmitterEmail = "ani@example.org",
        },
        Status = Statuses[i % Statuses.Length],
        CreatedAt = Start.AddMinutes(i),
        UpdatedAt = Start.AddMinutes(i + 30),
    };
}
