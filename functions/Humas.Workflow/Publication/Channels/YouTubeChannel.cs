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

        if (await progress.GetAsync<string>(SessionStep, ct) is { } earlier)
        {
            if (await ResumeAsync(client, earlier, video, ct) is { } done) return done;
            // The session is gone (they last a week): nothing was published through it.
            await progress.ForgetAsync(SessionStep, ct);
        }

        var session = await progress.KeepAsync(SessionStep, await StartAsync(client, s, video, ct), ct);
        return await UploadAsync(client, session, video, 0, ct);
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
                ["description"] = Clean(Description(s), 4900),
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

    private string Description(Submission s) => string.Join("\n\n",
        new[] { s.Content.Summary, s.Content.Body, Settings.DescriptionFooter }.Where(p => !string.IsNullOrWhiteSpace(p)));

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
