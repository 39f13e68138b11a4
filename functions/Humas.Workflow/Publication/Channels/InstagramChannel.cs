using System.Text.Json.Nodes;
using Humas.Workflow.Configuration;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// The office's Instagram professional account, through the Graph API content-publishing flow: a container is made
/// from a short-lived read link of each file (a photo, a reel, or a carousel of up to ten), then published. Only
/// media_publish makes a post; the container and the published media id are kept, and a container that says
/// PUBLISHED is never published again.
/// </summary>
public sealed class InstagramChannel(IHttpClientFactory http, MediaStore media, InstagramToken token, IOptions<HumasOptions> options, TimeProvider clock)
    : IPublicationChannel
{
    public const string ChannelName = "instagram";
    private const int CarouselLimit = 10;
    private const int CaptionLimit = 2200;
    private InstagramOptions Settings => options.Value.Channels.Instagram;
    private string Api => $"{Settings.GraphBaseUrl.TrimEnd('/')}/{Settings.ApiVersion}";

    public string Name => ChannelName;
    public string Serves => ChannelName;
    public bool IsConfigured => Settings.IsConfigured;

    /// <summary>
    /// The whole publication in one call, waiting for Instagram between the steps here: the path of version 1's single
    /// publication activity. Version 2 takes the same steps from the orchestrator and waits on durable timers between
    /// them (<see cref="InstagramSteps"/>).
    /// </summary>
    public async Task<ChannelPost> PublishAsync(Submission s, ChannelProgress progress, CancellationToken ct)
    {
        var client = http.CreateClient(ChannelHttp.ClientName);
        while (true)
        {
            var next = await PrepareAsync(s, progress, ct);
            if (next.Post is { } post) return post;
            await WaitUntilReadyAsync(client, next.Container!, ct);
            if (next.Publishable) return await PublishContainerAsync(s, progress, next.Container!, ct);
        }
    }

    /// <summary>
    /// Everything up to the next wait for Instagram: the post when an earlier try made it, or the container to wait for
    /// (a video item of a carousel, made before the carousel that holds it, or the container to publish), made now or
    /// kept from an earlier try. Asked again after each wait, it goes on from what it kept. With
    /// <paramref name="readLimit"/> (version 5) the account's publishing limit is read first, and a reached one refuses.
    /// </summary>
    public async Task<InstagramPreparation> PrepareAsync(Submission s, ChannelProgress progress, CancellationToken ct, bool readLimit = false)
    {
        // Instagram takes JPEG photos and videos only.
        var items = s.Media.Where(m => m.ContentType == "image/jpeg" || m.ContentType.StartsWith("video/", StringComparison.Ordinal))
            .Take(CarouselLimit).ToList();
        if (items.Count == 0)
            throw new ChannelException("Instagram memerlukan foto JPEG atau video / Instagram needs a JPEG photo or a video", transient: false);
        var client = http.CreateClient(ChannelHttp.ClientName);
        var caption = Caption(s);

        if (await progress.GetAsync<string>("media-id", ct) is { } published) return new(null, false, await EvidenceAsync(client, published, ct));
        if (readLimit) await ReadLimitAsync(client, ct);

        var container = await progress.GetAsync<string>("container", ct);
        if (container is not null)
        {
            var status = await StatusAsync(client, container, ct);
            if (status == "PUBLISHED") return new(null, false, await FoundAsync(client, progress, container, caption, ct));
            if (status is not ("EXPIRED" or "ERROR")) return new(container, true);
            await progress.ForgetAsync("container", ct);
        }
        if (items.Count == 1)
        {
            var single = await ItemFieldsAsync(items[0], carousel: false, ct);
            single["caption"] = caption;
            return new(await progress.KeepAsync("container", await CreateContainerAsync(client, single, ct), ct), true);
        }
        var children = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var child = await progress.GetAsync<string>($"child-{i:D2}", ct);
            if (child is null)
            {
                var fields = await ItemFieldsAsync(items[i], carousel: true, ct);
                fields["is_carousel_item"] = "true";
                child = await progress.KeepAsync($"child-{i:D2}", await CreateContainerAsync(client, fields, ct), ct);
            }
            // A carousel is made of finished items; a video item is processed first.
            if (items[i].ContentType.StartsWith("video/", StringComparison.Ordinal))
            {
                var status = await StatusAsync(client, child, ct);
                if (status is "ERROR" or "EXPIRED") throw new ChannelException($"Instagram container {child}: {status}", transient: false);
                if (status is not ("FINISHED" or "PUBLISHED")) return new(child, false);
            }
            children.Add(child);
        }
        var carousel = await CreateContainerAsync(client, new()
        {
            ["media_type"] = "CAROUSEL", ["children"] = string.Join(",", children), ["caption"] = caption,
        }, ct);
        return new(await progress.KeepAsync("container", carousel, ct), true);
    }

    /// <summary>A container's status_code: IN_PROGRESS while Instagram processes it, then FINISHED (or ERROR, EXPIRED), PUBLISHED once published.</summary>
    public async Task<string> StatusAsync(string container, CancellationToken ct) =>
        await StatusAsync(http.CreateClient(ChannelHttp.ClientName), container, ct) ?? "";

    /// <summary>
    /// Publishes a finished container, once: a delivery after a publication that did not live to keep the media id
    /// finds the container PUBLISHED and the post among the account's media.
    /// </summary>
    public async Task<ChannelPost> PublishContainerAsync(Submission s, ChannelProgress progress, string container, CancellationToken ct)
    {
        var client = http.CreateClient(ChannelHttp.ClientName);
        if (await progress.GetAsync<string>("media-id", ct) is { } published) return await EvidenceAsync(client, published, ct);
        if (await StatusAsync(client, container, ct) == "PUBLISHED") return await FoundAsync(client, progress, container, Caption(s), ct);

        var answer = await PostAsync(client, $"{Api}/{Settings.UserId}/media_publish", new() { ["creation_id"] = container }, "Instagram publish", ct);
        var mediaId = answer["id"]?.ToString()
                      ?? throw new ChannelException("Instagram publish: the answer has no id", transient: false, ChannelHttp.Compact(answer));
        await progress.KeepAsync("media-id", mediaId, ct);
        return await EvidenceAsync(client, mediaId, ct);
    }

    private async Task<ChannelPost> FoundAsync(HttpClient client, ChannelProgress progress, string container, string caption, CancellationToken ct)
    {
        var found = await FindPublishedAsync(client, caption, ct);
        if (found is null) return new ChannelPost(container, null, "{\"container\":\"" + container + "\",\"status_code\":\"PUBLISHED\"}");
        return await EvidenceAsync(client, await progress.KeepAsync("media-id", found, ct), ct);
    }

    private async Task<Dictionary<string, string>> ItemFieldsAsync(MediaItem item, bool carousel, CancellationToken ct)
    {
        var link = (await media.ReadLinkAsync(item.BlobName, Settings.MediaLinkLifetime, ct)).ToString();
        return item.ContentType.StartsWith("video/", StringComparison.Ordinal)
            ? new() { ["media_type"] = carousel ? "VIDEO" : "REELS", ["video_url"] = link }
            : item.Alt is { } alt ? new() { ["image_url"] = link, ["alt_text"] = alt } : new() { ["image_url"] = link };
    }

    private async Task<string> CreateContainerAsync(HttpClient client, Dictionary<string, string> fields, CancellationToken ct)
    {
        var answer = await PostAsync(client, $"{Api}/{Settings.UserId}/media", fields, "Instagram container", ct);
        return answer["id"]?.ToString()
               ?? throw new ChannelException("Instagram container: the answer has no id", transient: false, ChannelHttp.Compact(answer));
    }

    /// <summary>
    /// The first wait between two looks at a container, and how long a container may stay in progress in all: the
    /// configured polls' worth (10 seconds, 60 times). The orchestrator's waits grow from the first one.
    /// </summary>
    public (TimeSpan First, TimeSpan Limit) StatusWait => (Settings.StatusPollInterval, Settings.StatusPollInterval * Settings.StatusPollAttempts);

    /// <summary>
    /// Version 1's wait inside its activity: videos are processed before they can be published; the wait is bounded by
    /// the configured number of polls.
    /// </summary>
    private async Task WaitUntilReadyAsync(HttpClient client, string container, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var status = await StatusAsync(client, container, ct);
            if (status is "FINISHED" or "PUBLISHED") return;
            if (status is "ERROR" or "EXPIRED")
                throw new ChannelException($"Instagram container {container}: {status}", transient: false);
            if (attempt >= Settings.StatusPollAttempts)
                throw new ChannelException($"Instagram container {container} is still {status}", transient: true);
            await Task.Delay(Settings.StatusPollInterval, clock, ct);
        }
    }

    private async Task<string?> StatusAsync(HttpClient client, string container, CancellationToken ct) =>
        (await GetAsync(client, $"{Api}/{container}?fields=status_code,status", "Instagram container status", ct))["status_code"]?.ToString();

    // After a try that published but did not live to keep the media id, the account's latest media tell.
    private async Task<string?> FindPublishedAsync(HttpClient client, string caption, CancellationToken ct)
    {
        var answer = await GetAsync(client, $"{Api}/{Settings.UserId}/media?fields=id,caption,timestamp&limit=25", "Instagram media list", ct);
        return (answer["data"] as JsonArray)?.FirstOrDefault(m => m?["caption"]?.ToString() == caption)?["id"]?.ToString();
    }

    /// <summary>
    /// Instagram's publishing limit (GET /{ig-user-id}/content_publishing_limit?fields=config,quota_usage): the posts
    /// made through the API in the rolling window (config.quota_duration, 24 h) against config.quota_total. The answer
    /// does not say when the oldest of them leaves the window, so a reached limit is read again after a fixed step.
    /// </summary>
    private async Task ReadLimitAsync(HttpClient client, CancellationToken ct)
    {
        var answer = await GetAsync(client, $"{Api}/{Settings.UserId}/content_publishing_limit?fields=config,quota_usage", "Instagram publishing limit", ct);
        var limit = (answer["data"] as JsonArray)?.FirstOrDefault();
        var used = limit?["quota_usage"]?.GetValue<int>();
        var total = limit?["config"]?["quota_total"]?.GetValue<int>();
        if (used is { } u && total is { } t && u >= t)
            throw new ChannelException($"Instagram publishing limit reached: {u} of {t} posts in 24 h", transient: false,
                ChannelHttp.Compact(answer), limitedUntil: clock.GetUtcNow() + options.Value.Channels.RateLimitStep);
    }

    private async Task<ChannelPost> EvidenceAsync(HttpClient client, string mediaId, CancellationToken ct)
    {
        var answer = await GetAsync(client, $"{Api}/{mediaId}?fields=id,permalink,media_type,timestamp", "Instagram media", ct);
        return new ChannelPost(mediaId, answer["permalink"]?.ToString(), ChannelHttp.Compact(answer));
    }

    private async Task<JsonNode> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string what, CancellationToken ct)
    {
        fields["access_token"] = await token.GetAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        var (response, body) = await ChannelHttp.SendAsync(client, request, what, ct);
        response.Dispose();
        return ChannelHttp.Json(body, what);
    }

    private async Task<JsonNode> GetAsync(HttpClient client, string url, string what, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}&access_token={Uri.EscapeDataString(await token.GetAsync(ct))}");
        var (response, body) = await ChannelHttp.SendAsync(client, request, what, ct);
        response.Dispose();
        return ChannelHttp.Json(body, what);
    }

    private static string Caption(Submission s)
    {
        var caption = string.Join("\n\n", new[] { s.Content.Title, s.Content.Summary }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return caption.Length <= CaptionLimit ? caption : caption[..(CaptionLimit - 1)] + "…";
    }
}
