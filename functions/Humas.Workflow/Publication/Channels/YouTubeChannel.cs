using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Humas.Workflow.Configuration;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// The office's YouTube channel, through the Data API v3 resumable upload: the metadata opens an upload session,
/// then the bytes go to the session's address. The session is kept before any byte is sent, so a repeated try
/// asks the session how far it got (and gets the finished video) instead of uploading a second one.
/// </summary>
public sealed class YouTubeChannel(IHttpClientFactory http, MediaStore media, YouTubeToken token, IOptions<HumasOptions> options, TimeProvider clock)
    : IPublicationChannel
{
    public const string ChannelName = "youtube";
    private const string SessionStep = "upload-session";
    private const string CaptionsStep = "captions";
    private YouTubeOptions Settings => options.Value.Channels.YouTube;

    public string Name => ChannelName;
    public string Serves => ChannelName;
    public bool IsConfigured => Settings.IsConfigured;

    public async Task<ChannelPost> PublishAsync(Submission s, ChannelProgress progress, CancellationToken ct)
    {
        try
        {
            return await UploadVideoAsync(s, progress, ct);
        }
        catch (ChannelException e) when (e.Answer?.Contains("\"quotaExceeded\"", StringComparison.Ordinal) == true)
        {
            // 403 with errors[].reason quotaExceeded: the project's daily quota is spent until midnight Pacific time.
            throw new ChannelException("YouTube quota exceeded until midnight Pacific time", transient: false, e.Answer,
                limitedUntil: QuotaResetAfter(clock.GetUtcNow()));
        }
    }

    /// <summary>The next midnight in America/Los_Angeles after a moment, where YouTube's daily quota starts again.</summary>
    public static DateTimeOffset QuotaResetAfter(DateTimeOffset now)
    {
        var pacific = Calendar.TimeZones.Find("America/Los_Angeles");
        var midnight = TimeZoneInfo.ConvertTime(now, pacific).Date.AddDays(1);
        return new DateTimeOffset(midnight, pacific.GetUtcOffset(midnight));
    }

    private async Task<ChannelPost> UploadVideoAsync(Submission s, ChannelProgress progress, CancellationToken ct)
    {
        var video = s.Media.FirstOrDefault(m => m.ContentType.StartsWith("video/", StringComparison.Ordinal))
                    ?? throw new ChannelException("Tidak ada video untuk diunggah / no video to upload", transient: false);
        var client = http.CreateClient(ChannelHttp.ClientName);

        ChannelPost? post = null;
        if (await progress.GetAsync<string>(SessionStep, ct) is { } earlier)
        {
            post = await ResumeAsync(client, earlier, video, ct);
            // The session is gone (they last a week): nothing was published through it.
            if (post is null) await progress.ForgetAsync(SessionStep, ct);
        }
        if (post is null)
        {
            var session = await progress.KeepAsync(SessionStep, await StartAsync(client, s, video, ct), ct);
            post = await UploadAsync(client, session, video, 0, ct);
        }
        await CaptionsAsync(client, post.PostId, video, progress, ct);
        return post;
    }

    /// <summary>
    /// The video's caption file as a caption track, through captions.insert
    /// (developers.google.com/youtube/v3/docs/captions/insert): a multipart/related upload of the snippet
    /// <c>{ videoId, language, name }</c> and the file. The track's id is kept, so a repeated try adds no second one.
    /// </summary>
    private async Task CaptionsAsync(HttpClient client, string videoId, MediaItem video, ChannelProgress progress, CancellationToken ct)
    {
        if (video.Captions is null || await progress.GetAsync<string>(CaptionsStep, ct) is not null) return;
        var stream = await media.OpenReadAsync(video.Captions, ct)
                     ?? throw new ChannelException($"Takarir {video.Name} tidak ada / the captions of {video.Name} are missing", transient: false);
        await using (stream)
        {
            var snippet = new JsonObject
            {
                ["snippet"] = new JsonObject { ["videoId"] = videoId, ["language"] = "id", ["name"] = "Bahasa Indonesia", ["isDraft"] = false },
            };
            using var request = await RequestAsync(HttpMethod.Post,
                $"{Settings.ApiBaseUrl.TrimEnd('/')}/upload/youtube/v3/captions?uploadType=multipart&part=snippet", ct);
            var body = new MultipartContent("related");
            body.Add(new StringContent(snippet.ToJsonString(), Encoding.UTF8, "application/json"));
            var file = new StreamContent(stream);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            body.Add(file);
            request.Content = body;
            var (response, answer) = await ChannelHttp.SendAsync(client, request, "YouTube captions", ct);
            using (response)
                await progress.KeepAsync(CaptionsStep, ChannelHttp.Json(answer, "YouTube caption")["id"]?.ToString() ?? "", ct);
        }
    }

    /// <summary>
    /// Sets the video private (videos.update, part=status): it stays in the channel's studio for the team but nobody
    /// else sees it. Setting it private again is harmless.
    /// </summary>
    public async Task<string> MakePrivateAsync(string videoId, CancellationToken ct)
    {
        var client = http.CreateClient(ChannelHttp.ClientName);
        var update = new JsonObject
        {
            ["id"] = videoId,
            ["status"] = new JsonObject { ["privacyStatus"] = "private", ["selfDeclaredMadeForKids"] = false },
        };
        using var request = await RequestAsync(HttpMethod.Put, $"{Settings.ApiBaseUrl.TrimEnd('/')}/youtube/v3/videos?part=status", ct);
        request.Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json");
        var (response, body) = await ChannelHttp.SendAsync(client, request, "YouTube videos.update", ct);
        response.Dispose();
        var video = ChannelHttp.Json(body, "YouTube video");
        return new JsonObject { ["id"] = video["id"]?.DeepClone(), ["privacyStatus"] = video["status"]?["privacyStatus"]?.DeepClone() }.ToJsonString();
    }

    private async Task<string> StartAsync(HttpClient client, Submission s, MediaItem video, CancellationToken ct)
    {
        var metadata = new JsonObject
        {
            ["snippet"] = new JsonObject
            {
                ["title"] = Clean(Settings.TitlePrefix + s.Content.Title, 100),
                ["description"] = CleanBytes(Description(s, video), DescriptionBytes),
                ["categoryId"] = Settings.CategoryId,
                ["defaultLanguage"] = "id",
            },
            ["status"] = new JsonObject
            {
                ["privacyStatus"] = Settings.PrivacyStatus,
                ["selfDeclaredMadeForKids"] = false,
            },
        };
        using var request = await RequestAsync(HttpMethod.Post,
            $"{Settings.ApiBaseUrl.TrimEnd('/')}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status", ct);
        request.Headers.Add("X-Upload-Content-Length", video.Size.ToString());
        request.Headers.Add("X-Upload-Content-Type", video.ContentType);
        request.Content = new StringContent(metadata.ToJsonString(), Encoding.UTF8, "application/json");
        var (response, body) = await ChannelHttp.SendAsync(client, request, "YouTube upload session", ct);
        using (response)
            return response.Headers.Location?.ToString()
                   ?? throw new ChannelException("YouTube upload session: no Location in the answer", transient: true, ChannelHttp.Trim(body));
    }

    /// <summary>Asks the session for its state: the finished video, or the bytes still missing; null when it is gone.</summary>
    private async Task<ChannelPost?> ResumeAsync(HttpClient client, string session, MediaItem video, CancellationToken ct)
    {
        using var request = await RequestAsync(HttpMethod.Put, session, ct);
        request.Content = new ByteArrayContent([]);
        request.Content.Headers.ContentRange = new ContentRangeHeaderValue(video.Size);
        var (response, body) = await ChannelHttp.SendAsync(client, request, "YouTube upload status", ct,
            HttpStatusCode.PermanentRedirect, HttpStatusCode.NotFound, HttpStatusCode.Gone);
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone) return null;
            if (response.StatusCode != HttpStatusCode.PermanentRedirect) return Evidence(ChannelHttp.Json(body, "YouTube video"));
            return await UploadAsync(client, session, video, ReceivedUpTo(response) + 1, ct);
        }
    }

    private async Task<ChannelPost> UploadAsync(HttpClient client, string session, MediaItem video, long from, CancellationToken ct)
    {
        var stream = await media.OpenReadAsync(video.BlobName, ct)
                     ?? throw new ChannelException($"Berkas {video.Name} tidak ada / file {video.Name} is missing", transient: false);
        await using (stream)
        {
            if (from > 0) stream.Seek(from, SeekOrigin.Begin);
            using var request = await RequestAsync(HttpMethod.Put, session, ct);
            var content = new StreamContent(stream);
            content.Headers.ContentType = new MediaTypeHeaderValue(video.ContentType);
            content.Headers.ContentLength = video.Size - from;
            if (from > 0) content.Headers.ContentRange = new ContentRangeHeaderValue(from, video.Size - 1, video.Size);
            request.Content = content;
            var (response, body) = await ChannelHttp.SendAsync(client, request, "YouTube upload", ct);
            response.Dispose();
            return Evidence(ChannelHttp.Json(body, "YouTube video"));
        }
    }

    // "Range: bytes=0-999" on a 308 says what arrived; without it nothing did.
    private static long ReceivedUpTo(HttpResponseMessage response)
    {
        var range = response.Headers.NonValidated.TryGetValues("Range", out var values) ? values.ToString() : null;
        var dash = range?.LastIndexOf('-') ?? -1;
        return dash > 0 && long.TryParse(range![(dash + 1)..], out var last) ? last : -1;
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string url, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync(ct));
        return request;
    }

    /// <summary>The description's limit is 5,000 bytes (videos resource, snippet.description); some room is kept.</summary>
    private const int DescriptionBytes = 4_900;

    /// <summary>
    /// The summary, the body and the footer; a video with a transcript and no caption file carries the transcript there,
    /// the one place the API gives for its words as text. The transcript comes before the body, so the cut to the
    /// limit takes the body's end rather than the words of the video.
    /// </summary>
    private string Description(Submission s, MediaItem video) => string.Join("\n\n",
        new[]
        {
            s.Content.Summary,
            video.Captions is null && video.Transcript is { } words ? $"{Vocabulary.Terms.Transcript.Id}:\n{words}" : null,
            s.Content.Body, Settings.DescriptionFooter,
        }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string CleanBytes(string text, int maxBytes)
    {
        var clean = Clean(text, int.MaxValue);
        if (Encoding.UTF8.GetByteCount(clean) <= maxBytes) return clean;
        // The ellipsis takes three bytes; a surrogate pair is not split.
        int cut = 0, bytes = 0;
        while (cut < clean.Length)
        {
            var width = char.IsHighSurrogate(clean[cut]) && cut + 1 < clean.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(clean.AsSpan(cut, width));
            if (bytes + size > maxBytes - 3) break;
            bytes += size;
            cut += width;
        }
        return clean[..cut] + "…";
    }

    // YouTube refuses angle brackets in titles and descriptions and limits their length.
    private static string Clean(string text, int max)
    {
        var clean = text.Replace('<', '‹').Replace('>', '›').Trim();
        return clean.Length <= max ? clean : clean[..(max - 1)] + "…";
    }

    private ChannelPost Evidence(JsonNode video)
    {
        var id = video["id"]?.ToString() ?? throw new ChannelException("YouTube: the answer has no video id", transient: false, ChannelHttp.Compact(video));
        var answer = new JsonObject
        {
            ["id"] = id,
            ["uploadStatus"] = video["status"]?["uploadStatus"]?.DeepClone(),
            ["privacyStatus"] = video["status"]?["privacyStatus"]?.DeepClone(),
            ["publishedAt"] = video["snippet"]?["publishedAt"]?.DeepClone(),
        };
        return new ChannelPost(id, Settings.WatchBaseUrl + id, ChannelHttp.Compact(answer));
    }
}
