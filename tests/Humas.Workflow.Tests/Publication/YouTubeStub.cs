using System.Collections.Concurrent;
using WireMock;

namespace Humas.Workflow.Tests.Publication;

/// <summary>
/// Google's OAuth token endpoint and the YouTube Data API v3 resumable upload: a POST with the video resource opens a
/// session (its address in Location), PUTs carry the bytes, and an empty PUT with Content-Range bytes */size asks
/// for the session's state (308 with Range while incomplete, the video once done). Reach as the reference pages give
/// it: channels.list with part=statistics&amp;mine=true (developers.google.com/youtube/v3/docs/channels/list) and
/// videos.list with part=statistics&amp;id= (developers.google.com/youtube/v3/docs/videos/list), the counts as strings.
/// Caption tracks through captions.insert (developers.google.com/youtube/v3/docs/captions/insert): POST
/// /upload/youtube/v3/captions?part=snippet with a multipart/related body, the caption resource's snippet as JSON
/// (videoId of an uploaded video, language, name) then the file; the answer is the caption resource.
/// </summary>
public sealed class YouTubeStub(string clientId, string clientSecret, string refreshToken) : ProtocolStub
{
    public const string AccessToken = "ya29.test-access-token";
    private readonly ConcurrentDictionary<string, Session> sessions = new();

    public sealed class Session
    {
        public required long Size { get; init; }
        public required string Metadata { get; init; }
        public List<byte> Bytes { get; } = [];
        public string? VideoId { get; set; }
    }

    /// <summary>A caption track as captions.insert received it.</summary>
    public sealed record Caption(string Id, string VideoId, string Language, string Name, string File);

    private readonly ConcurrentQueue<Caption> captions = new();
    public IReadOnlyCollection<Caption> Captions => captions.ToList();

    public long Subscribers { get; set; } = 3_120;
    public long ChannelViews { get; set; } = 415_000;
    public long ViewsPerVideo { get; set; } = 640;

    public IReadOnlyCollection<Session> Sessions => sessions.Values.ToList();
    public IEnumerable<string> Videos => sessions.Values.Where(s => s.VideoId is not null).Select(s => s.VideoId!);

    /// <summary>
    /// How many upload sessions to refuse as Google does when the project's daily quota is spent: 403 with
    /// errors[].reason quotaExceeded (developers.google.com/youtube/v3/docs/errors#quotaExceeded,
    /// developers.google.com/youtube/v3/getting-started#quota: an upload costs 1,600 of the 10,000 daily units).
    /// </summary>
    public int QuotaExceededUploads { get; set; }

    /// <summary>Set to answer the token endpoint invalid_grant, as for a revoked refresh token (developers.google.com/identity/protocols/oauth2/web-server#offline).</summary>
    public bool RefreshTokenRevoked { get; set; }

    /// <summary>Set to lose the answer of the next upload that completes (the video exists, the client sees a 503).</summary>
    public bool LoseNextAnswer { get; set; }

    protected override IResponseMessage Answer(IRequestMessage r)
    {
        if (r.Method == "POST" && r.Path == "/token")
        {
            var form = Form(r);
            if (RefreshTokenRevoked || form["grant_type"] != "refresh_token" || form["client_id"] != clientId || form["client_secret"] != clientSecret
                || form["refresh_token"] != refreshToken)
                return Reply(400, new { error = "invalid_grant", error_description = "Bad Request" });
            return Reply(200, new { access_token = AccessToken, expires_in = 3599, scope = "https://www.googleapis.com/auth/youtube.upload", token_type = "Bearer" });
        }
        if (r.Method == "GET" && r.Path is "/youtube/v3/channels" or "/youtube/v3/videos") return Statistics(r);
        if (r.Method == "PUT" && r.Path == "/youtube/v3/videos") return Update(r);
        if (r.Method == "POST" && r.Path == "/upload/youtube/v3/captions") return InsertCaption(r);
        if (r.Path != "/upload/youtube/v3/videos") return Reply(404, new { error = new { code = 404, message = "Not Found" } });
        if (Header(r, "Authorization") != $"Bearer {AccessToken}")
            return Reply(401, new { error = new { code = 401, message = "Request had invalid authentication credentials.", status = "UNAUTHENTICATED" } });

        if (r.Method == "POST" && Query(r, "uploadType") == "resumable")
        {
            if (QuotaExceededUploads > 0)
            {
                QuotaExceededUploads--;
                return Reply(403, new
                {
                    error = new
                    {
                        code = 403,
                        message = "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.",
                        errors = new[] { new { message = "The request cannot be completed because you have exceeded your quota.", domain = "youtube.quota", reason = "quotaExceeded" } },
                    },
                });
            }
            var id = Guid.NewGuid().ToString("N");
            sessions[id] = new Session { Size = long.Parse(Header(r, "X-Upload-Content-Length")!), Metadata = r.Body ?? "" };
            return Reply(200, null, ("Location", $"{Url}/upload/youtube/v3/videos?uploadType=resumable&upload_id={id}"));
        }
        if (r.Method != "PUT" || Query(r, "upload_id") is not { } uploadId || !sessions.TryGetValue(uploadId, out var session))
            return Reply(404, new { error = new { code = 404, message = "Not Found" } });

        var range = Header(r, "Content-Range");
        if (range is not null && range.StartsWith("bytes */", StringComparison.Ordinal))
        {
            if (session.VideoId is not null) return Reply(200, Video(session));
            return session.Bytes.Count == 0 ? Reply(308) : Reply(308, null, ("Range", $"bytes=0-{session.Bytes.Count - 1}"));
        }
        var from = range is null ? 0 : long.Parse(range["bytes ".Length..range.IndexOf('-')]);
        if (from != session.Bytes.Count) return Reply(400, new { error = new { code = 400, message = "Invalid Content-Range" } });
        session.Bytes.AddRange(Bytes(r));
        if (session.Bytes.Count < session.Size) return Reply(308, null, ("Range", $"bytes=0-{session.Bytes.Count - 1}"));
        session.VideoId ??= "vid" + Guid.NewGuid().ToString("N")[..8];
        if (LoseNextAnswer)
        {
            LoseNextAnswer = false;
            return Reply(503, new { error = new { code = 503, message = "Backend Error" } });
        }
        return Reply(200, Video(session));
    }

    /// <summary>Deletes a video on the channel's side (in the studio): the API no longer finds it.</summary>
    public void Forget(string videoId)
    {
        foreach (var s in sessions.Values.Where(s => s.VideoId == videoId)) s.VideoId = null;
    }

    /// <summary>Each video's privacy as videos.update last set it.</summary>
    public ConcurrentDictionary<string, string> Privacy { get; } = new();

    /// <summary>
    /// videos.update (developers.google.com/youtube/v3/docs/videos/update): the body is a video resource with its id and
    /// the parts named in <c>part</c>; status.privacyStatus is one of private, public, unlisted.
    /// </summary>
    private IResponseMessage Update(IRequestMessage r)
    {
        if (Header(r, "Authorization") != $"Bearer {AccessToken}")
            return Reply(401, new { error = new { code = 401, message = "Request had invalid authentication credentials.", status = "UNAUTHENTICATED" } });
        if (Query(r, "part") != "status")
            return Reply(400, new { error = new { code = 400, message = "'part' must name the parts the body sets", errors = new[] { new { reason = "unexpectedPart" } } } });
        var body = System.Text.Json.JsonDocument.Parse(r.Body ?? "{}").RootElement;
        var id = body.TryGetProperty("id", out var i) ? i.GetString() : null;
        if (id is null || !Videos.Contains(id)) return Reply(404, new { error = new { code = 404, message = "Video not found.", errors = new[] { new { reason = "videoNotFound" } } } });
        var privacy = body.GetProperty("status").GetProperty("privacyStatus").GetString()!;
        if (privacy is not ("private" or "public" or "unlisted"))
            return Reply(400, new { error = new { code = 400, message = "Invalid privacy status.", errors = new[] { new { reason = "invalidVideoMetadata" } } } });
        Privacy[id] = privacy;
        return Reply(200, new { kind = "youtube#video", id, status = new { uploadStatus = "processed", privacyStatus = privacy } });
    }

    private IResponseMessage InsertCaption(IRequestMessage r)
    {
        if (Header(r, "Authorization") != $"Bearer {AccessToken}")
            return Reply(401, new { error = new { code = 401, message = "Request had invalid authentication credentials.", status = "UNAUTHENTICATED" } });
        if (Query(r, "part") != "snippet")
            return Reply(400, new { error = new { code = 400, message = "'part' must be snippet", errors = new[] { new { reason = "unknownPart" } } } });
        var type = Header(r, "Content-Type") ?? "";
        var boundary = type.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("boundary=", StringComparison.Ordinal))?["boundary=".Length..].Trim('"');
        if (!type.StartsWith("multipart/related", StringComparison.Ordinal) || boundary is null)
            return Reply(400, new { error = new { code = 400, message = "Media type must be multipart/related", errors = new[] { new { reason = "mediaBodyRequired" } } } });
        var parts = System.Text.Encoding.UTF8.GetString(Bytes(r)).Split("--" + boundary)
            .Select(p => p.Trim('\r', '\n')).Where(p => p.Length > 0 && p != "--")
            .Select(p => p.Split("\r\n\r\n", 2)).Where(p => p.Length == 2).ToList();
        if (parts.Count != 2) return Reply(400, new { error = new { code = 400, message = "Expected the caption resource and the file", errors = new[] { new { reason = "mediaBodyRequired" } } } });
        var snippet = System.Text.Json.JsonDocument.Parse(parts[0][1]).RootElement.GetProperty("snippet");
        var videoId = snippet.GetProperty("videoId").GetString()!;
        if (!Videos.Contains(videoId)) return Reply(404, new { error = new { code = 404, message = "The video could not be found.", errors = new[] { new { reason = "videoNotFound" } } } });
        var caption = new Caption("cap" + Guid.NewGuid().ToString("N")[..8], videoId, snippet.GetProperty("language").GetString()!,
            snippet.GetProperty("name").GetString()!, parts[1][1]);
        captions.Enqueue(caption);
        return Reply(200, new
        {
            kind = "youtube#caption", etag = "etag-" + caption.Id, id = caption.Id,
            snippet = new { videoId, lastUpdated = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"), trackKind = "standard", language = caption.Language, name = caption.Name, isDraft = false },
        });
    }

    private IResponseMessage Statistics(IRequestMessage r)
    {
        if (Header(r, "Authorization") != $"Bearer {AccessToken}")
            return Reply(401, new { error = new { code = 401, message = "Request had invalid authentication credentials.", status = "UNAUTHENTICATED" } });
        if (Query(r, "part") != "statistics")
            return Reply(400, new { error = new { code = 400, message = "'part' must be statistics here", errors = new[] { new { reason = "unknownPart" } } } });
        if (r.Path == "/youtube/v3/channels")
        {
            if (Query(r, "mine") != "true") return Reply(400, new { error = new { code = 400, message = "No filter selected.", errors = new[] { new { reason = "missingRequiredParameter" } } } });
            return Reply(200, new
            {
                kind = "youtube#channelListResponse", pageInfo = new { totalResults = 1, resultsPerPage = 5 },
                items = new[]
                {
                    new
                    {
                        kind = "youtube#channel", id = "UCbbpmpjateng",
                        statistics = new
                        {
                            viewCount = ChannelViews.ToString(), subscriberCount = Subscribers.ToString(), hiddenSubscriberCount = false,
                            videoCount = Videos.Count().ToString(),
                        },
                    },
                },
            });
        }
        var ids = (Query(r, "id") ?? "").Split(',');
        return Reply(200, new
        {
            kind = "youtube#videoListResponse",
            items = Videos.Where(ids.Contains).Select(v => new
            {
                kind = "youtube#video", id = v,
                statistics = new { viewCount = ViewsPerVideo.ToString(), likeCount = "12", favoriteCount = "0", commentCount = "1" },
            }),
        });
    }

    private static object Video(Session s)
    {
        var meta = System.Text.Json.JsonDocument.Parse(s.Metadata).RootElement;
        return new
        {
            kind = "youtube#video", etag = "etag-" + s.VideoId, id = s.VideoId,
            snippet = new
            {
                publishedAt = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                title = meta.GetProperty("snippet").GetProperty("title").GetString(),
                description = meta.GetProperty("snippet").GetProperty("description").GetString(),
                categoryId = meta.GetProperty("snippet").GetProperty("categoryId").GetString(),
            },
            status = new { uploadStatus = "uploaded", privacyStatus = meta.GetProperty("status").GetProperty("privacyStatus").GetString() },
        };
    }
}
