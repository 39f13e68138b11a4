using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Humas.Workflow.Configuration;
using Humas.Workflow.Pages;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// The office's WordPress site, through its REST API with an application password (HTTP Basic): the first image
/// goes to the media library, then the post is created with it as featured image.
/// </summary>
public sealed class WordPressChannel(
    IHttpClientFactory http, MediaStore media, WebsiteFeed feed, ComponentRenderer renderer, IOptions<HumasOptions> options)
    : IPublicationChannel
{
    public const string ChannelName = "wordpress";
    private WordPressOptions Settings => options.Value.Channels.WordPress;

    public string Name => ChannelName;
    public string Serves => WebsiteFeed.Channel;
    public bool IsConfigured => Settings.IsConfigured;

    /// <summary>The post's slug carries the submission id, so the site itself can tell whether it has the post.</summary>
    public static string Slug(string submissionId) => "humas-" + submissionId.ToLowerInvariant();

    public async Task<ChannelPost> PublishAsync(Submission s, ChannelProgress progress, CancellationToken ct)
    {
        var client = http.CreateClient(ChannelHttp.ClientName);
        var api = Settings.BaseUrl!.TrimEnd('/') + "/wp-json/wp/v2";

        await SignedInAsync(client, api, ct);
        if (await FindAsync(client, api, s.Id, ct) is { } earlier) return earlier;

        int? featured = null;
        if (s.Media.FirstOrDefault(m => m.ContentType.StartsWith("image/", StringComparison.Ordinal)) is { } image)
            featured = await progress.GetAsync<int?>("featured-media", ct)
                       ?? await progress.KeepAsync<int?>("featured-media", await UploadAsync(client, api, image, ct), ct);

        var post = new JsonObject
        {
            ["title"] = s.Content.Title,
            ["content"] = await ContentAsync(s, featured is null ? null : s.Media.First(m => m.ContentType.StartsWith("image/", StringComparison.Ordinal))),
            ["excerpt"] = s.Content.Summary ?? "",
            ["status"] = Settings.Status,
            ["slug"] = Slug(s.Id),
        };
        if (featured is { } id)
        {
            post["featured_media"] = id;
            await DescribeAsync(client, api, id, s.Media.First(m => m.IsImage()), ct);
        }
        if (Settings.Categories.Count > 0) post["categories"] = new JsonArray(Settings.Categories.Select(c => (JsonNode)c).ToArray());

        using var request = Request(HttpMethod.Post, $"{api}/posts");
        request.Content = JsonContent.Create(post);
        var (response, body) = await ChannelHttp.SendAsync(client, request, "WordPress post", ct);
        response.Dispose();
        return Evidence(ChannelHttp.Json(body, "WordPress post"));
    }

    /// <summary>
    /// Moves the post to the trash and deletes its featured image for good (the media library has no trash). Either done
    /// before (the post already trashed, the image already gone) counts as done, so a repeated delivery is harmless.
    /// </summary>
    public async Task<string> TakeDownAsync(string postId, int? mediaId, CancellationToken ct)
    {
        var client = http.CreateClient(ChannelHttp.ClientName);
        var api = Settings.BaseUrl!.TrimEnd('/') + "/wp-json/wp/v2";
        if (!int.TryParse(postId, out var post)) throw new ChannelException($"WordPress: post id '{postId}' is not a number", transient: false);
        mediaId ??= await FeaturedAsync(client, api, post, ct);
        using (var trash = Request(HttpMethod.Delete, $"{api}/posts/{post}"))
        {
            var (response, _) = await ChannelHttp.SendAsync(client, trash, "WordPress trash", ct, HttpStatusCode.Gone, HttpStatusCode.NotFound);
            response.Dispose();
        }
        if (mediaId is { } image)
        {
            using var delete = Request(HttpMethod.Delete, $"{api}/media/{image}?force=true");
            var (response, _) = await ChannelHttp.SendAsync(client, delete, "WordPress media delete", ct, HttpStatusCode.NotFound, HttpStatusCode.Gone);
            response.Dispose();
        }
        return new JsonObject { ["post"] = post, ["status"] = "trash", ["deletedMedia"] = mediaId }.ToJsonString();
    }

    private async Task<int?> FeaturedAsync(HttpClient client, string api, int post, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, $"{api}/posts/{post}?context=edit");
        var (response, body) = await ChannelHttp.SendAsync(client, request, "WordPress post", ct, HttpStatusCode.NotFound, HttpStatusCode.Gone);
        using (response)
        {
            if (!response.IsSuccessStatusCode) return null;
            return ChannelHttp.Json(body, "WordPress post")["featured_media"]?.GetValue<int>() is { } id and > 0 ? id : null;
        }
    }

    /// <summary>
    /// WordPress takes a wrong or revoked application password for no login at all, and then answers the search for
    /// drafts 400 ("Status is forbidden"), a refusal that says nothing of the password. Asking who we are first gets the
    /// 401 (rest_not_logged_in) that marks the channel as needing reconnecting.
    /// </summary>
    private async Task SignedInAsync(HttpClient client, string api, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, $"{api}/users/me?_fields=id");
        var (response, _) = await ChannelHttp.SendAsync(client, request, "WordPress sign-in", ct);
        response.Dispose();
    }

    private async Task<ChannelPost?> FindAsync(HttpClient client, string api, string id, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get,
            $"{api}/posts?slug={Uri.EscapeDataString(Slug(id))}&status=publish,future,draft,pending,private&context=edit");
        var (response, body) = await ChannelHttp.SendAsync(client, request, "WordPress search", ct);
        response.Dispose();
        return ChannelHttp.Json(body, "WordPress search") is JsonArray { Count: > 0 } found ? Evidence(found[0]!) : null;
    }

    private async Task<int> UploadAsync(HttpClient client, string api, MediaItem image, CancellationToken ct)
    {
        await using var stream = await media.OpenReadAsync(image.BlobName, ct)
                                 ?? throw new ChannelException($"Berkas {image.Name} tidak ada / file {image.Name} is missing", transient: false);
        using var request = Request(HttpMethod.Post, $"{api}/media");
        var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue(image.ContentType);
        content.Headers.ContentLength = image.Size;
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"\"{image.Name}\"" };
        request.Content = content;
        var (response, body) = await ChannelHttp.SendAsync(client, request, "WordPress media", ct);
        response.Dispose();
        return ChannelHttp.Json(body, "WordPress media")["id"]?.GetValue<int>()
               ?? throw new ChannelException("WordPress media: the answer has no id", transient: false, ChannelHttp.Trim(body));
    }

    /// <summary>
    /// The image's alt text and caption on its media-library entry, where the theme and screen readers take them from.
    /// Setting them again is harmless, so a retried publication simply repeats it.
    /// </summary>
    private async Task DescribeAsync(HttpClient client, string api, int mediaId, MediaItem image, CancellationToken ct)
    {
        if (image.Alt is null && image.Caption is null) return;
        var fields = new JsonObject();
        if (image.Alt is not null) fields["alt_text"] = image.Alt;
        if (image.Caption is not null) fields["caption"] = image.Caption;
        using var request = Request(HttpMethod.Post, $"{api}/media/{mediaId}");
        request.Content = JsonContent.Create(fields);
        var (response, _) = await ChannelHttp.SendAsync(client, request, "WordPress media details", ct);
        response.Dispose();
    }

    private HttpRequestMessage Request(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Settings.User}:{Settings.AppPassword}")));
        return request;
    }

    private Task<string> ContentAsync(Submission s, MediaItem? featured) =>
        renderer.RenderAsync<WordPressPost>(new Dictionary<string, object?>
        {
            [nameof(WordPressPost.Submission)] = s,
            [nameof(WordPressPost.Media)] = s.Media.Where(m => m != featured).Select(m => (m, feed.MediaUrl(s.Id, m))).ToList(),
        });

    private static ChannelPost Evidence(JsonNode post)
    {
        var id = post["id"]?.ToString() ?? throw new ChannelException("WordPress: the answer has no id", transient: false, ChannelHttp.Compact(post));
        var answer = new JsonObject
        {
            ["id"] = post["id"]?.DeepClone(), ["link"] = post["link"]?.DeepClone(), ["status"] = post["status"]?.DeepClone(),
            ["slug"] = post["slug"]?.DeepClone(), ["featured_media"] = post["featured_media"]?.DeepClone(),
            ["date_gmt"] = post["date_gmt"]?.DeepClone(),
        };
        return new ChannelPost(id, post["link"]?.ToString(), ChannelHttp.Compact(answer));
    }
}
