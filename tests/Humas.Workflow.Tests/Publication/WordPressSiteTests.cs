using System.Net;
using System.Text.Json.Nodes;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Reach;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Publication;

/// <summary>
/// The website channel against a real WordPress (Debian's 6.1 over its own MariaDB, WordPressSite), as the office's site
/// answers: what WordPress keeps is read back from WordPress itself. The faults a real site cannot be made to produce
/// (a 503, a lost answer) stay with WordPressStub in ChannelAdapterTests.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class WordPressSiteTests(WorkflowFixture fixture, WordPressSiteFixture wordpress) : IClassFixture<WordPressSiteFixture>, IAsyncLifetime
{
    private readonly ChannelSetup channels = new();
    private ServiceProvider services = null!;
    private WordPressSite Site => wordpress.Site;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (services is not null) await services.DisposeAsync();
        channels.Dispose();
    }

    /// <summary>The workflow's services with the website channel pointed at the real site, under the given password.</summary>
    private async Task<IPublicationChannel> ChannelAsync(string? password = null, int? category = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Humas:Channels:WordPress:BaseUrl"] = Site.Url,
            ["Humas:Channels:WordPress:User"] = WordPressSite.User,
            ["Humas:Channels:WordPress:AppPassword"] = password ?? Site.ChannelPassword,
        };
        if (category is { } id) settings["Humas:Channels:WordPress:Categories:0"] = id.ToString();
        services = await channels.ServicesAsync(fixture, settings);
        return services.GetServices<IPublicationChannel>().Single(c => c.Name == WordPressChannel.ChannelName);
    }

    private IReachSource Reach => services.GetServices<IReachSource>().Single(r => r.Channel == WordPressReach.ChannelName);

    /// <summary>One delivery of the channel's activity: a fresh progress over what earlier deliveries kept.</summary>
    private Task<ChannelPost> DeliverAsync(IPublicationChannel channel, Submission s) =>
        channel.PublishAsync(s, new ChannelProgress(services.GetRequiredService<SubmissionStore>(), s.Id, WordPressChannel.ChannelName), CancellationToken.None);

    /// <summary>Every post of the site, in any state but the trash, whose title has the submission's own word.</summary>
    private async Task<JsonArray> PostsTitledAsync(Submission s) =>
        (JsonArray)await Site.GetAsync($"wp/v2/posts?search={Uri.EscapeDataString(s.Content.Title.Split(' ')[^1])}" +
                                       "&status=publish,future,draft,pending,private&context=edit&per_page=100");

    [Fact]
    public async Task A_post_reaches_WordPress_with_its_category_and_featured_image_whose_bytes_alt_text_and_caption_are_the_submitted_ones()
    {
        // The password as WordPress shows it, in groups of four: WordPress ignores the spaces.
        Assert.Contains(' ', Site.ChannelPassword);
        var category = (int)(await Site.PostAsync("wp/v2/categories", new JsonObject { ["name"] = "Berita Balai " + Guid.NewGuid().ToString("N")[..6] }))["id"]!;
        var channel = await ChannelAsync(category: category);
        (string Name, string Type, byte[] Bytes) photo = ("kegiatan.jpg", "image/jpeg", await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Publication", "lokakarya.jpg")));
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["website"]), photo, ChannelSetup.Jpeg("kedua.jpg", 2000));

        var record = await services.GetRequiredService<ChannelPublisher>().PublishAsync(s, WordPressChannel.ChannelName, 1);

        Assert.True(record.Status == PublicationStatus.Published, $"{record.Status}: {record.Reason}\n{Site.LogTail()}");
        var post = await Site.GetAsync($"wp/v2/posts/{record.PostId}?context=edit");
        Assert.Equal(s.Content.Title, post["title"]!["raw"]!.GetValue<string>());
        Assert.Equal("publish", post["status"]!.GetValue<string>());
        Assert.Equal(WordPressChannel.Slug(s.Id), post["slug"]!.GetValue<string>());
        Assert.Equal(post["link"]!.GetValue<string>(), record.Url);
        Assert.Equal([category], post["categories"]!.AsArray().Select(c => c!.GetValue<int>()));
        Assert.Contains("<p>Paragraf kedua &lt;dengan&gt; tanda.</p>", post["content"]!["raw"]!.GetValue<string>());
        Assert.Contains($"alt=\"{s.Media[1].Alt}\"", post["content"]!["raw"]!.GetValue<string>());

        var featured = post["featured_media"]!.GetValue<int>();
        Assert.True(featured > 0, post.ToJsonString());
        var image = await Site.GetAsync($"wp/v2/media/{featured}?context=edit");
        Assert.Equal("image/jpeg", image["mime_type"]!.GetValue<string>());
        Assert.Equal(s.Media[0].Alt, image["alt_text"]!.GetValue<string>());
        Assert.Equal(s.Media[0].Caption, image["caption"]!["raw"]!.GetValue<string>());
        // The file WordPress serves is the one submitted, byte for byte, under the name it was sent with, beside the
        // smaller sizes it made of it.
        var source = image["source_url"]!.GetValue<string>();
        Assert.EndsWith("/kegiatan.jpg", source);
        Assert.Equal(photo.Bytes, await Site.Admin.GetByteArrayAsync(source));
        Assert.Equal(800, image["media_details"]!["width"]!.GetValue<int>());
        Assert.NotNull(image["media_details"]!["sizes"]!["thumbnail"]);
    }

    [Fact]
    public async Task A_publication_delivered_again_after_a_crash_finds_its_post_by_slug_and_WordPress_has_it_once()
    {
        var channel = await ChannelAsync();
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["website"]), ChannelSetup.Jpeg());

        // The first delivery posts, then its worker dies before the record is kept; the engine delivers it again.
        var first = await DeliverAsync(channel, s);
        var again = await DeliverAsync(channel, s);

        var found = await PostsTitledAsync(s);
        Assert.True(found.Count == 1, $"WordPress has {found.Count} posts of {s.Id}: {string.Join(", ", found.Select(p => p!["slug"]))}");
        Assert.Equal(first.PostId, again.PostId);
        Assert.Equal(first.Url, again.Url);
        Assert.Equal(WordPressChannel.Slug(s.Id), found[0]!["slug"]!.GetValue<string>());
        // The featured image was kept in the first delivery's progress and is not uploaded twice either.
        var images = (JsonArray)await Site.GetAsync($"wp/v2/media?search={Uri.EscapeDataString("kegiatan")}&per_page=100&context=edit");
        Assert.Single(images, i => i!["id"]!.GetValue<int>() == found[0]!["featured_media"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_wrong_application_password_is_refused_with_401_and_the_channel_needs_reconnecting_with_nothing_posted()
    {
        var channel = await ChannelAsync("abcd EFGH ijkl MNOP qrst UVWX");
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["website"]), ChannelSetup.Jpeg());

        var refused = await Assert.ThrowsAsync<ChannelException>(() => DeliverAsync(channel, s));

        Assert.True(refused.NeedsReconnecting, refused.Message);
        Assert.False(refused.Transient);
        Assert.Contains("HTTP 401", refused.Message);
        Assert.Empty(await PostsTitledAsync(s));
    }

    [Fact]
    public async Task The_sites_reach_is_counted_under_the_login_so_a_wrong_password_is_a_401_there_too()
    {
        await ChannelAsync();
        var counted = await Reach.MeasureAsync(CancellationToken.None);
        using var anyone = await new HttpClient().GetAsync(Site.Url + "/wp-json/wp/v2/posts?status=publish&per_page=100&_fields=id");
        Assert.Equal(anyone.Headers.GetValues("X-WP-Total").Single(), counted[ReachFigures.Posts].ToString());

        await services.DisposeAsync();
        await ChannelAsync("abcd EFGH ijkl MNOP qrst UVWX");
        var refused = await Assert.ThrowsAsync<ChannelException>(() => Reach.MeasureAsync(CancellationToken.None));
        Assert.True(refused.NeedsReconnecting, refused.Message);
    }

    /// <summary>
    /// What the site answers a wrong application password, which the stub must say too: WordPress takes it for no login
    /// at all, so a post is refused 401 rest_cannot_create (not incorrect_password), a search that names statuses beyond
    /// publish is refused 400 before any 401, and published posts are shown as to anyone unless the edit context is asked.
    /// </summary>
    [Fact]
    public async Task WordPress_answers_a_wrong_application_password_as_no_login()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Site.Url) };
        http.DefaultRequestHeaders.Authorization = WordPressSite.Basic("abcd EFGH ijkl MNOP qrst UVWX");

        using var me = await http.GetAsync("/wp-json/wp/v2/users/me");
        using var post = await http.PostAsync("/wp-json/wp/v2/posts", new StringContent("""{"title":"x"}""", System.Text.Encoding.UTF8, "application/json"));
        using var search = await http.GetAsync("/wp-json/wp/v2/posts?slug=humas-x&status=publish,draft&context=edit");
        using var published = await http.GetAsync("/wp-json/wp/v2/posts?status=publish&per_page=1&_fields=id");
        using var edit = await http.GetAsync("/wp-json/wp/v2/posts?status=publish&per_page=1&_fields=id&context=edit");

        Assert.Equal((HttpStatusCode.Unauthorized, "rest_not_logged_in"), (me.StatusCode, await CodeAsync(me)));
        Assert.Equal((HttpStatusCode.Unauthorized, "rest_cannot_create"), (post.StatusCode, await CodeAsync(post)));
        Assert.Equal((HttpStatusCode.BadRequest, "rest_invalid_param"), (search.StatusCode, await CodeAsync(search)));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "rest_forbidden_context"), (edit.StatusCode, await CodeAsync(edit)));

        static async Task<string?> CodeAsync(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())?["code"]?.GetValue<string>();
    }
}
