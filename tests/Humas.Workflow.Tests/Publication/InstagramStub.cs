using System.Collections.Concurrent;
using WireMock;

namespace Humas.Workflow.Tests.Publication;

/// <summary>
/// The Instagram Graph API content publishing: POST /{ig-user-id}/media makes a container, GET /{container}?fields=status_code
/// tells when it is ready, POST /{ig-user-id}/media_publish publishes it, GET /{media-id} gives its permalink.
/// Reach as the reference pages give it: GET /{ig-user-id}?fields=followers_count,media_count (IG User,
/// developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user) and
/// GET /{media-id}/insights?metric=views,reach (developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights),
/// each metric a lifetime value in data[].values[]. A long-lived token is refreshed with
/// GET /refresh_access_token?grant_type=ig_refresh_token&amp;access_token= while it is valid, answering a new token and its
/// expires_in in seconds (developers.facebook.com/docs/instagram-platform/reference/refresh_access_token); a token past
/// its expiry is refused with OAuthException code 190, as Graph refuses an expired session.
/// </summary>
public sealed class InstagramStub(string userId, string token, int videoPollsBeforeReady = 2) : ProtocolStub
{
    public const string Version = "v23.0";
    private readonly ConcurrentDictionary<string, Container> containers = new();
    private readonly ConcurrentDictionary<string, string> published = new(); // media id -> caption
    private int next = 17_900_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(new Dictionary<string, DateTimeOffset> { [token] = DateTimeOffset.MaxValue });

    public sealed class Container
    {
        public required Dictionary<string, string?> Fields { get; init; }
        public int PollsLeft { get; set; }
        public string Status { get; set; } = "FINISHED";
    }

    /// <summary>How many status requests a new video container answers IN_PROGRESS to before it is processed.</summary>
    public int VideoPollsBeforeReady { get; set; } = videoPollsBeforeReady;

    /// <summary>What a processed video container becomes: FINISHED, or ERROR as for a file Instagram cannot take.</summary>
    public string VideoProcessedAs { get; set; } = "FINISHED";

    /// <summary>The account's followers, as followers_count answers them.</summary>
    public long Followers { get; set; } = 28_450;

    /// <summary>Each published media's views; its reach is taken as four fifths of them.</summary>
    public long ViewsPerMedia { get; set; } = 1_200;

    public IReadOnlyDictionary<string, Container> Containers => containers;

    /// <summary>
    /// The account's publishing limit as GET /{ig-user-id}/content_publishing_limit?fields=config,quota_usage answers it
    /// (developers.facebook.com/docs/instagram-platform/content-publishing#rate-limit, reference
    /// developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit):
    /// the API posts in the rolling 24 hours against config.quota_total. Each media_publish adds one use.
    /// </summary>
    public int QuotaUsage { get; set; }
    public int QuotaTotal { get; set; } = 100;

    /// <summary>Makes the configured token expire at a moment (real time), as a 60-day token does.</summary>
    public void ExpireToken(DateTimeOffset at) => tokens[token] = at;

    /// <summary>The tokens handed out by refreshes, in order.</summary>
    public List<string> Refreshed { get; } = [];
    public IReadOnlyCollection<string> Published => published.Keys.ToList();

    protected override IResponseMessage Answer(IRequestMessage r)
    {
        var form = r.Method == "POST" ? Form(r) : null;
        var given = form?["access_token"] ?? Query(r, "access_token");
        if (given is null || !tokens.TryGetValue(given, out var expires))
            return Reply(400, new { error = new { message = "Invalid OAuth access token - Cannot parse access token", type = "OAuthException", code = 190 } });
        if (expires <= DateTimeOffset.UtcNow)
            return Reply(400, new { error = new { message = "Error validating access token: Session has expired.", type = "OAuthException", code = 190, error_subcode = 463 } });
        if (r.Method == "GET" && r.Path == "/refresh_access_token")
        {
            if (Query(r, "grant_type") != "ig_refresh_token")
                return Reply(400, new { error = new { message = "Unsupported grant_type", type = "OAuthException", code = 100 } });
            var fresh = $"IGQW-refreshed-{Guid.NewGuid():N}";
            tokens[fresh] = DateTimeOffset.UtcNow.AddDays(60);
            lock (Refreshed) Refreshed.Add(fresh);
            return Reply(200, new { access_token = fresh, token_type = "bearer", expires_in = 5_184_000 });
        }
        var segments = r.Path.Trim('/').Split('/');
        if (segments.Length < 2 || segments[0] != Version) return Reply(404, new { error = new { message = "Unknown path", code = 803 } });

        if (r.Method == "POST" && segments is [_, var user, "media"] && user == userId)
        {
            var fields = form!.AllKeys.Where(k => k is not null && k != "access_token").ToDictionary(k => k!, k => form[k]);
            if (fields.GetValueOrDefault("media_type") == "CAROUSEL"
                && (fields.GetValueOrDefault("children") ?? "").Split(',').Any(c => !containers.ContainsKey(c)))
                return Reply(400, new { error = new { message = "Invalid parameter", type = "OAuthException", code = 100 } });
            var id = Interlocked.Increment(ref next).ToString();
            var video = fields.GetValueOrDefault("media_type") is "REELS" or "VIDEO";
            containers[id] = new Container { Fields = fields, PollsLeft = video ? VideoPollsBeforeReady : 0, Status = video ? "IN_PROGRESS" : "FINISHED" };
            return Reply(200, new { id });
        }
        if (r.Method == "POST" && segments is [_, var owner, "media_publish"] && owner == userId)
        {
            var creation = form!["creation_id"];
            if (creation is null || !containers.TryGetValue(creation, out var c) || c.Status != "FINISHED")
                return Reply(400, new { error = new { message = "Media ID is not available", type = "OAuthException", code = 9007, error_subcode = 2207027 } });
            if (QuotaUsage >= QuotaTotal)
                return Reply(400, new { error = new { message = "Application request limit reached", type = "OAuthException", code = 4, error_subcode = 2207042 } });
            QuotaUsage++;
            c.Status = "PUBLISHED";
            var mediaId = Interlocked.Increment(ref next).ToString();
            published[mediaId] = c.Fields.GetValueOrDefault("caption") ?? "";
            return Reply(200, new { id = mediaId });
        }
        if (r.Method == "GET" && segments is [_, var limited, "content_publishing_limit"] && limited == userId)
        {
            var fields = (Query(r, "fields") ?? "").Split(',');
            var limit = new Dictionary<string, object> { ["quota_usage"] = QuotaUsage };
            if (fields.Contains("config")) limit["config"] = new { quota_total = QuotaTotal, quota_duration = 86400 };
            return Reply(200, new { data = new[] { limit } });
        }
        if (r.Method == "GET" && segments is [_, var someone, "media"] && someone == userId)
            return Reply(200, new { data = published.Select(p => new { id = p.Key, caption = p.Value, timestamp = DateTime.UtcNow.ToString("s") + "+0000" }) });
        if (r.Method == "GET" && segments is [_, var account] && account == userId)
        {
            var fields = (Query(r, "fields") ?? "id").Split(',');
            var answer = new Dictionary<string, object> { ["id"] = userId };
            if (fields.Contains("followers_count")) answer["followers_count"] = Followers;
            if (fields.Contains("media_count")) answer["media_count"] = published.Count;
            return Reply(200, answer);
        }
        if (r.Method == "GET" && segments is [_, var insightsOf, "insights"] && published.ContainsKey(insightsOf))
        {
            var metrics = (Query(r, "metric") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (metrics.Length == 0 || metrics.Any(m => m is not ("views" or "reach" or "likes" or "comments" or "saved" or "shares")))
                return Reply(400, new { error = new { message = "(#100) The value must be a valid insights metric", type = "OAuthException", code = 100 } });
            return Reply(200, new
            {
                data = metrics.Select(m => new
                {
                    name = m, period = "lifetime", values = new[] { new { value = m == "reach" ? ViewsPerMedia * 4 / 5 : ViewsPerMedia } },
                    title = m == "reach" ? "Accounts reached" : "Views", id = $"{insightsOf}/insights/{m}/lifetime",
                }),
            });
        }
        if (r.Method == "GET" && segments is [_, var node])
        {
            if (containers.TryGetValue(node, out var container))
            {
                if (container.Status == "IN_PROGRESS" && container.PollsLeft-- <= 0) container.Status = VideoProcessedAs;
                return Reply(200, new { status_code = container.Status, status = container.Status switch { "IN_PROGRESS" => "In Progress", "ERROR" => "Error", _ => "Finished" }, id = node });
            }
            if (published.ContainsKey(node))
                return Reply(200, new { id = node, permalink = $"https://www.instagram.com/p/C{node}/", media_type = "IMAGE", timestamp = DateTime.UtcNow.ToString("s") + "+0000" });
        }
        return Reply(400, new { error = new { message = "Unsupported request", type = "GraphMethodException", code = 100 } });
    }
}
