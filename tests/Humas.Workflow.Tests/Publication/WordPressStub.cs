using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using WireMock;

namespace Humas.Workflow.Tests.Publication;

/// <summary>
/// A WordPress site's REST API (/wp-json/wp/v2 media and posts) with application-password authentication. A collection
/// answers one page (per_page, at most 100) with the totals in X-WP-Total and X-WP-TotalPages
/// (developer.wordpress.org/rest-api/using-the-rest-api/pagination/).
/// </summary>
public sealed class WordPressStub(string user, string appPassword) : ProtocolStub
{
    private readonly ConcurrentDictionary<int, Dictionary<string, object?>> posts = new();
    private readonly ConcurrentDictionary<int, byte[]> media = new();
    private int nextId = 100;

    private readonly ConcurrentDictionary<int, (string? Alt, string? Caption)> details = new();

    public IReadOnlyDictionary<int, byte[]> Media => media;

    /// <summary>The alt text and caption of each media-library entry, as an edit of the entry set them.</summary>
    public IReadOnlyDictionary<int, (string? Alt, string? Caption)> MediaDetails => details;
    public IReadOnlyCollection<Dictionary<string, object?>> Posts => posts.Values.ToList();

    /// <summary>
    /// The application password the site takes now: set another to revoke the configured one, as a site's admin does
    /// (developer.wordpress.org/rest-api/using-the-rest-api/authentication/#basic-authentication-with-application-passwords).
    /// A request with another password is answered as WordPress 6.1 answers it (WordPressSiteTests checks the real site):
    /// as a request without login.
    /// </summary>
    public string AppPassword { get; set; } = appPassword;

    /// <summary>Published posts the site had before these tests, counted in X-WP-Total.</summary>
    public int EarlierPosts { get; set; } = 250;

    protected override IResponseMessage Answer(IRequestMessage r)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{AppPassword}"));
        if (Header(r, "Authorization") != expected && AsNoLogin(r) is { } refused) return refused;

        switch (r.Method, r.Path)
        {
            case ("GET", "/wp-json/wp/v2/users/me"):
                return Reply(200, new { id = 1, slug = user });
            case ("POST", "/wp-json/wp/v2/media"):
                if (Header(r, "Content-Disposition") is not { } disposition || !disposition.Contains("filename="))
                    return Reply(400, new { code = "rest_upload_no_content_disposition", message = "No Content-Disposition supplied.", data = new { status = 400 } });
                var mediaId = Interlocked.Increment(ref nextId);
                media[mediaId] = Bytes(r);
                return Reply(201, new
                {
                    id = mediaId, date_gmt = DateTime.UtcNow.ToString("s"), slug = $"image-{mediaId}", type = "attachment",
                    link = $"{Url}/?attachment_id={mediaId}", media_type = "image", mime_type = Header(r, "Content-Type"),
                    source_url = $"{Url}/wp-content/uploads/image-{mediaId}.jpg",
                });
            case ("POST", var path) when path.StartsWith("/wp-json/wp/v2/media/", StringComparison.Ordinal):
                if (!int.TryParse(path["/wp-json/wp/v2/media/".Length..], out var entry) || !media.ContainsKey(entry))
                    return Reply(404, new { code = "rest_post_invalid_id", message = "Invalid post ID.", data = new { status = 404 } });
                var edit = Json(r);
                var before = details.GetValueOrDefault(entry);
                var alt = edit.TryGetProperty("alt_text", out var a) ? a.GetString() : before.Alt;
                var caption = edit.TryGetProperty("caption", out var c) ? c.GetString() : before.Caption;
                details[entry] = (alt, caption);
                return Reply(200, new { id = entry, type = "attachment", alt_text = alt ?? "", caption = new { raw = caption ?? "", rendered = $"<p>{caption}</p>" } });
            case ("GET", "/wp-json/wp/v2/posts"):
                var slug = Query(r, "slug");
                if (slug is not null) return Reply(200, posts.Values.Where(p => (string?)p["slug"] == slug).ToList());
                var perPage = int.TryParse(Query(r, "per_page"), out var n) ? n : 10;
                if (perPage is < 1 or > 100)
                    return Reply(400, new { code = "rest_invalid_param", message = "Invalid parameter(s): per_page", data = new { status = 400 } });
                var live = posts.Values.Where(p => (string?)p["status"] == "publish").ToList();
                var total = EarlierPosts + live.Count;
                return Reply(200, live.Take(perPage).Select(p => new { id = p["id"] }).ToList(),
                    ("X-WP-Total", total.ToString()), ("X-WP-TotalPages", ((total + perPage - 1) / perPage).ToString()));
            case ("POST", "/wp-json/wp/v2/posts"):
                var body = Json(r);
                var id = Interlocked.Increment(ref nextId);
                var postSlug = body.TryGetProperty("slug", out var s) ? s.GetString() : $"post-{id}";
                var post = new Dictionary<string, object?>
                {
                    ["id"] = id, ["date_gmt"] = DateTime.UtcNow.ToString("s"), ["slug"] = postSlug,
                    ["status"] = body.GetProperty("status").GetString(), ["type"] = "post",
                    ["link"] = $"{Url}/{DateTime.UtcNow:yyyy/MM}/{postSlug}/",
                    ["title"] = new { raw = body.GetProperty("title").GetString(), rendered = body.GetProperty("title").GetString() },
                    ["content"] = new { raw = body.GetProperty("content").GetString() },
                    ["excerpt"] = new { raw = body.TryGetProperty("excerpt", out var e) ? e.GetString() : "" },
                    ["featured_media"] = body.TryGetProperty("featured_media", out var f) ? f.GetInt32() : 0,
                };
                posts[id] = post;
                return Reply(201, post);
            // developer.wordpress.org/rest-api/reference/posts/#delete-a-post: without force the post goes to the trash,
            // and trashing it again is refused with 410 rest_already_trashed.
            case ("DELETE", var path) when path.StartsWith("/wp-json/wp/v2/posts/", StringComparison.Ordinal):
                if (!int.TryParse(path["/wp-json/wp/v2/posts/".Length..], out var trashed) || !posts.TryGetValue(trashed, out var trash))
                    return Reply(404, new { code = "rest_post_invalid_id", message = "Invalid post ID.", data = new { status = 404 } });
                if ((string?)trash["status"] == "trash")
                    return Reply(410, new { code = "rest_already_trashed", message = "The post has already been deleted.", data = new { status = 410 } });
                trash["status"] = "trash";
                return Reply(200, trash);
            case ("GET", var path) when path.StartsWith("/wp-json/wp/v2/posts/", StringComparison.Ordinal):
                return int.TryParse(path["/wp-json/wp/v2/posts/".Length..], out var shown) && posts.TryGetValue(shown, out var one)
                    ? Reply(200, one)
                    : Reply(404, new { code = "rest_post_invalid_id", message = "Invalid post ID.", data = new { status = 404 } });
            // Attachments have no trash: DELETE /media/{id} needs force=true, and is refused without it.
            case ("DELETE", var path) when path.StartsWith("/wp-json/wp/v2/media/", StringComparison.Ordinal):
                if (!int.TryParse(path["/wp-json/wp/v2/media/".Length..], out var gone) || !media.ContainsKey(gone))
                    return Reply(404, new { code = "rest_post_invalid_id", message = "Invalid post ID.", data = new { status = 404 } });
                if (Query(r, "force") != "true")
                    return Reply(501, new { code = "rest_trash_not_supported", message = "Attachments do not support trashing. Set 'force' to true to delete.", data = new { status = 501 } });
                media.TryRemove(gone, out _);
                return Reply(200, new { deleted = true, previous = new { id = gone, type = "attachment" } });
            default:
                return Reply(404, new { code = "rest_no_route", message = "No route was found matching the URL and request method.", data = new { status = 404 } });
        }
    }

    /// <summary>
    /// WordPress takes a wrong application password for no login: who-am-I and anything that needs a user is 401 with
    /// the capability's code (never incorrect_password), but a search naming statuses beyond publish fails its parameter
    /// check first, 400; what is public stays public (null: answered as to anyone).
    /// </summary>
    private static IResponseMessage? AsNoLogin(IRequestMessage r)
    {
        static IResponseMessage Refused(int status, string code, string message) => Reply(status, new { code, message, data = new { status } });
        var status = Query(r, "status");
        return (r.Method, r.Path) switch
        {
            ("GET", "/wp-json/wp/v2/posts") when status is not null && status.Split(',').Any(s => s != "publish") =>
                Reply(400, new
                {
                    code = "rest_invalid_param", message = "Invalid parameter(s): status",
                    data = new { status = 400, @params = new { status = "Status is forbidden." } },
                }),
            ("GET", var path) when Query(r, "context") == "edit" && path.StartsWith("/wp-json/wp/v2/posts", StringComparison.Ordinal) =>
                Refused(401, "rest_forbidden_context", "Sorry, you are not allowed to edit posts in this post type."),
            ("GET", "/wp-json/wp/v2/posts") => null,
            ("POST", "/wp-json/wp/v2/media") => Refused(401, "rest_cannot_create", "Sorry, you are not allowed to upload media on this site."),
            ("POST", "/wp-json/wp/v2/posts") => Refused(401, "rest_cannot_create", "Sorry, you are not allowed to create posts as this user."),
            ("POST", _) => Refused(401, "rest_cannot_edit", "Sorry, you are not allowed to edit this post."),
            ("DELETE", _) => Refused(401, "rest_cannot_delete", "Sorry, you are not allowed to delete this post."),
            _ => Refused(401, "rest_not_logged_in", "You are not currently logged in."),
        };
    }
}
