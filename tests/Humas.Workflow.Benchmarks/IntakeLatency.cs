using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Workflow.Benchmarks;

/// <summary>
/// The intake under many clients at once against the least any intake must do with the same bytes: upload the
/// photo as a blob and insert one entity holding the form's fields.
/// </summary>
public sealed class IntakeLatency(LocalHostProcess host, string storageConnectionString, byte[] photo)
{
    private const string BareContainer = "benchbare";
    private const string BareTable = "BenchBare";

    private readonly BlobContainerClient container = new BlobServiceClient(storageConnectionString,
        new BlobClientOptions { Diagnostics = { ApplicationId = StorageRequests.OwnUserAgent } }).GetBlobContainerClient(BareContainer);

    private readonly TableClient table = new TableServiceClient(storageConnectionString,
        new TableClientOptions { Diagnostics = { ApplicationId = StorageRequests.OwnUserAgent } }).GetTableClient(BareTable);

    /// <summary><paramref name="requests"/> form posts to POST /api/submissions, <paramref name="clients"/> at a time.</summary>
    public Task<RunFigures> IntakeAsync(string run, int requests, int clients) =>
        Runs.RunAsync(requests, clients, n => SubmitAsync(run, n));

    /// <summary>The same number of blob uploads plus entity inserts of the same bytes, at the same concurrency.</summary>
    public async Task<RunFigures> BareAsync(string run, int requests, int clients)
    {
        await EnsureCreatedAsync();
        return await Runs.RunAsync(requests, clients, n => WriteAsync(run, n));
    }

    /// <summary>
    /// Intake posts and bare writes taking turns on the same clients, so both meet the same background: the
    /// workflows the earlier posts started, which keep the engine and storage busy while the batch runs.
    /// </summary>
    public async Task<(RunFigures Intake, RunFigures Bare)> TakingTurnsAsync(string run, int requests, int clients)
    {
        await EnsureCreatedAsync();
        var intake = new ConcurrentBag<double>();
        var bare = new ConcurrentBag<double>();
        var all = await Runs.RunAsync(2 * requests, clients, async n =>
        {
            var at = Stopwatch.GetTimestamp();
            if (n % 2 == 0)
            {
                await SubmitAsync(run, n / 2);
                intake.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            }
            else
            {
                await WriteAsync(run, n / 2);
                bare.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            }
        });
        return (all with { Count = requests, LatenciesMs = [.. intake] }, all with { Count = requests, LatenciesMs = [.. bare] });
    }

    private Task SubmitAsync(string run, int n) => FullWorkflow.SubmitAsync(host.Http, Mailbox.Title(run, n), photo);

    private async Task EnsureCreatedAsync()
    {
        await container.CreateIfNotExistsAsync();
        await table.CreateIfNotExistsAsync();
    }

    private async Task WriteAsync(string run, int n)
    {
        var id = $"{run}-{n:D5}";
        await container.GetBlobClient($"{id}/0-foto.jpg").UploadAsync(new BinaryData(photo));
        var entity = new TableEntity(id, "record");
        foreach (var (name, value) in Forms.Fields(Mailbox.Title(run, n))) entity[name] = value;
        await table.AddEntityAsync(entity);
    }
}
