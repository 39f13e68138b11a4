using Humas.Workflow.Tests.Support;
using Humas.Workflow.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Uploads;

/// <summary>The sweep both hosts run: uploads older than a day go, blob and row; younger ones stay.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class UploadSweeperTests(WorkflowFixture fixture)
{
    private static async Task<PendingUpload> OpenAsync(UploadStore store, TimeSpan age, string? submissionId = null)
    {
        var created = DateTimeOffset.UtcNow - age;
        var id = UploadStore.NewId(created);
        var upload = new PendingUpload(id, "video.mp4", "video/mp4", 4, $"{id}/video.mp4", created, submissionId);
        await store.AddAsync(upload, CancellationToken.None);
        await store.Blob(upload.BlobName).UploadAsync(BinaryData.FromBytes([1, 2, 3, 4]));
        return upload;
    }

    [Fact]
    public async Task Uploads_older_than_the_retention_are_removed_with_their_blobs_and_younger_ones_stay()
    {
        await using var host = await WorkflowHost.StartAsync(fixture);
        var store = host.Services.GetRequiredService<UploadStore>();
        var abandoned = await OpenAsync(store, TimeSpan.FromHours(25));
        var taken = await OpenAsync(store, TimeSpan.FromHours(26), submissionId: "20261128-0123456789");
        var recent = await OpenAsync(store, TimeSpan.FromHours(23));

        var removed = await host.Services.GetRequiredService<UploadSweeper>().SweepAsync();

        Assert.True(removed >= 2, $"{removed} removed");
        foreach (var gone in new[] { abandoned, taken })
        {
            Assert.Null(await store.GetAsync(gone.Id, CancellationToken.None));
            Assert.False((await store.Blob(gone.BlobName).ExistsAsync()).Value);
        }
        Assert.NotNull(await store.GetAsync(recent.Id, CancellationToken.None));
        Assert.True((await store.Blob(recent.BlobName).ExistsAsync()).Value);
        Assert.Equal(0, await host.Services.GetRequiredService<UploadSweeper>().SweepAsync());
    }
}
