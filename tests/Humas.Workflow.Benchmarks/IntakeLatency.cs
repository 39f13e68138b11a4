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

    /// <summary><paramref name="requests"/> form posts to POST /api/submissions, <paramref name="clients"/> at a time.</summary>
    public Task<RunFigures> IntakeAsync(string run, int requests, int clients) =>
        Runs.RunAsync(requests, clients, n => FullWorkflow.SubmitAsync(host.Http, Mailbox.Title(run, n), photo));

    /// <summary>The same number of blob uploads plus entity inserts of the same bytes, at the same concurrency.</summary>
    public async Task<RunFigures> BareAsync(string run, int requests, int clients)
    {
        var options = new BlobClientOptions { Diagnostics = { ApplicationId = StorageRequests.OwnUserAgent } };
        var container = new BlobServiceClient(storageConnectionString, options).GetBlobContainerClient(BareContainer);
        var tableOptions = new TableClientOptions { Diagnostics = { ApplicationId = StorageRequests.OwnUserAgent } };
        var table = new TableServiceClient(storageConnectionString, tableOptions).GetTableClient(BareTable);
        await container.CreateIfNotExistsAsync();
        await table.CreateIfNotExistsAsync();
        return await Runs.RunAsync(requests, clients, async n =>
        {
            var id = $"{run}-{n:D5}";
            await container.GetBlobClient($"{id}/0-foto.jpg").UploadAsync(new BinaryData(photo));
            var entity = new TableEntity(id, "record");
            foreach (var (name, value) in Forms.Fields(Mailbox.Title(run, n))) entity[name] = value;
            await table.AddEntityAsync(entity);
        });
    }
}
