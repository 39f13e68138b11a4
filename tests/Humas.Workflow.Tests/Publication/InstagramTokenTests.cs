using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Publication;

/// <summary>
/// Instagram's long-lived token refreshed before it expires, against the stub's refresh_access_token: the new token is
/// kept in Table Storage, and what the channel posts with.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class InstagramTokenTests(WorkflowFixture fixture) : IDisposable
{
    private readonly ChannelSetup channels = new();

    public void Dispose() => channels.Dispose();

    [Fact]
    public async Task A_token_that_expires_is_refreshed_before_and_the_publication_goes_out_with_the_new_one()
    {
        await using var services = await channels.ServicesAsync(fixture);
        channels.Instagram.ExpireToken(DateTimeOffset.UtcNow.AddSeconds(3));
        var publisher = services.GetRequiredService<ChannelPublisher>();
        var first = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["instagram"]), ChannelSetup.Jpeg());

        var before = await publisher.PublishAsync(first, InstagramChannel.ChannelName, 1);
        await Task.Delay(TimeSpan.FromSeconds(3.5)); // the configured token has expired in the stub now
        var second = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["instagram"]), ChannelSetup.Jpeg());
        var after = await publisher.PublishAsync(second, InstagramChannel.ChannelName, 1);

        Assert.Equal(PublicationStatus.Published, before.Status);
        Assert.Equal(PublicationStatus.Published, after.Status);
        var refreshed = Assert.Single(channels.Instagram.Refreshed);
        Assert.Equal(channels.IgToken, ProtocolStub.Query(channels.Instagram.Sent("GET", "/refresh_access_token").Single(), "access_token"));
        var kept = await services.GetRequiredService<InstagramToken>().KeptAsync(CancellationToken.None);
        Assert.Equal(refreshed, kept!.Token);
        Assert.True(kept.ExpiresAt > DateTimeOffset.UtcNow.AddDays(59));
        // Every request after the refresh carried the new token; none was refused.
        var publishing = channels.Instagram.Requests.Where(r => r.Path.Contains("/media")).ToList();
        Assert.All(publishing, r => Assert.Equal(refreshed, ProtocolStub.Form(r)["access_token"] ?? ProtocolStub.Query(r, "access_token")));
    }
}
