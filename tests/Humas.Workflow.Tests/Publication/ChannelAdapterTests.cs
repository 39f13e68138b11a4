using System.Text;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Publication;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Publication;

/// <summary>Each channel adapter against a stub that speaks the service's protocol, checking what was sent and what was kept.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class ChannelAdapterTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private readonly ChannelSetup channels = new();
    private ServiceProvider services = null!;

    public async Task InitializeAsync() => services = await channels.ServicesAsync(fixture);

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        channels.Dispose();
    }

    private ChannelPublisher Publisher => services.GetRequiredService<ChannelPublisher>();
    private SubmissionStore Store => services.GetRequiredService<SubmissionStore>();

    [Fact]
    public async Task WordPress_gets_the_featured_image_then_the_post_that_uses_it_with_the_application_password()
    {
        var photo = ChannelSetup.Jpeg();
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["website"]), photo, ChannelSetup.Jpeg("kedua.jpg", 1000));

        var record = await Publisher.PublishAsync(s, WordPressChannel.ChannelName, 1);

        Assert.Equal(PublicationStatus.Published, record.Status);
        var upload = Assert.Single(channels.WordPress.Sent("POST", "/wp-json/wp/v2/media"));
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ChannelSetup.WpUser}:{ChannelSetup.WpPassword}"));
        Assert.Equal(basic, ProtocolStub.Header(upload, "Authorization"));
        Assert.Equal("image/jpeg", ProtocolStub.Header(upload, "Content-Type"));
        Assert.Contains("filename=\"kegiatan.jpg\"", ProtocolStub.Header(upload, "Content-Disposition"));
        Assert.Equal(photo.Bytes, channels.WordPress.Media.Values.Single());

        var create = Assert.Single(channels.WordPress.Sent("POST", "/wp-json/wp/v2/posts"));
        var post = ProtocolStub.Json(create);
        Assert.Equal(s.Content.Title, post.GetProperty("title").GetString());
        Assert.Equal("publish", post.GetProperty("status").GetString());
        Assert.Equal(WordPressChannel.Slug(s.Id), post.GetProperty("slug").GetString());
        Assert.Equal(channels.WordPress.Media.Keys.Single(), post.GetProperty("featured_media").GetInt32());
        Assert.Contains("<p>Paragraf kedua &lt;dengan&gt; tanda.</p>", post.GetProperty("content").GetString());
        Assert.Contains($"/media/{s.Id}/kedua.jpg", post.GetProperty("content").GetString());
        Assert.Equal(s.Content.Summary, post.GetProperty("excerpt").GetString());
        // The featured image carries the submitter's alt text and caption in the media library; the image in the
        // post's content its own alt text, never the file name.
        Assert.Equal((s.Media[0].Alt, s.Media[0].Caption), channels.WordPress.MediaDetails[channels.WordPress.Media.Keys.Single()]);
        Assert.Contains($"alt=\"{s.Media[1].Alt}\"", post.GetProperty("content").GetString());
        Assert.DoesNotContain("alt=\"kedua.jpg\"", post.GetProperty("content").GetString());

        // The evidence kept with the submission is the site's own answer.
        var created = channels.WordPress.Posts.Single();
        Assert.Equal(created["id"]!.ToString(), record.PostId);
        Assert.Equal(created["link"], record.Url);
        Assert.Contains("\"featured_media\"", record.Answer);
        var kept = await Store.GetMarkerAsync<PublicationRecord>(s.Id, "publication-wordpress");
        Assert.Equal(record, kept);

        // Asked again, it finds the post and sends nothing new.
        var again = await Publisher.PublishAsync(s, WordPressChannel.ChannelName, 2);
        Assert.Equal(record.PostId, again.PostId);
        Assert.Single(channels.WordPress.Sent("POST", "/wp-json/wp/v2/posts"));
    }

    [Fact]
    public async Task A_passing_fault_is_tried_again_with_backoff_and_the_site_still_gets_one_post()
    {
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["website"]), ChannelSetup.Jpeg());
        channels.WordPress.Fail("POST", "/wp-json/wp/v2/posts", 503, times: 2);

        var record = await Publisher.PublishAsync(s, WordPressChannel.ChannelName, 1);

        Assert.Equal(PublicationStatus.Published, record.Status);
        Assert.Equal(3, channels.WordPress.Sent("POST", "/wp-json/wp/v2/posts").Count);
        Assert.Single(channels.WordPress.Posts);
        // The image uploaded before the first fault is reused, not uploaded again.
        Assert.Single(channels.WordPress.Sent("POST", "/wp-json/wp/v2/media"));
        var featured = channels.WordPress.Posts.Single()["featured_media"];
        Assert.Equal(channels.WordPress.Media.Keys.Single(), featured);
    }

    [Fact]
    public async Task YouTube_gets_the_metadata_then_the_bytes_through_a_resumable_session_with_a_refreshed_token()
    {
        var video = ChannelSetup.Mp4();
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["youtube"]), ChannelSetup.Jpeg(), video);

        var record = await Publisher.PublishAsync(s, YouTubeChannel.ChannelName, 1);

        Assert.Equal(PublicationStatus.Published, record.Status);
        var token = Assert.Single(channels.YouTube.Sent("POST", "/token"));
        Assert.Equal("refresh_token", ProtocolStub.Form(token)["grant_type"]);

        var start = Assert.Single(channels.YouTube.Sent("POST", "/upload/youtube/v3/videos"));
        Assert.Equal("resumable", ProtocolStub.Query(start, "uploadType"));
        Assert.Equal("snippet,status", ProtocolStub.Query(start, "part"));
        Assert.Equal($"Bearer {YouTubeStub.AccessToken}", ProtocolStub.Header(start, "Authorization"));
        Assert.Equal(video.Bytes.Length.ToString(), ProtocolStub.Header(start, "X-Upload-Content-Length"));
        Assert.Equal("video/mp4", ProtocolStub.Header(start, "X-Upload-Content-Type"));
        Assert.StartsWith("application/json", ProtocolStub.Header(start, "Content-Type"));
        var metadata = ProtocolStub.Json(start);
        Assert.Equal("BBPMP Jateng | " + s.Content.Title, metadata.GetProperty("snippet").GetProperty("title").GetString());
        var description = metadata.GetProperty("snippet").GetProperty("description").GetString()!;
        Assert.Contains("Paragraf kedua ‹dengan› tanda.", description);
        Assert.EndsWith("Humas BBPMP Jawa Tengah", description);
        Assert.Equal("unlisted", metadata.GetProperty("status").GetProperty("privacyStatus").GetString());

        var upload = Assert.Single(channels.YouTube.Sent("PUT", "/upload/youtube/v3/videos"));
        Assert.Equal("video/mp4", ProtocolStub.Header(upload, "Content-Type"));
        Assert.Equal(video.Bytes, channels.YouTube.Sessions.Single().Bytes.ToArray());
        var id = Assert.Single(channels.YouTube.Videos);
        Assert.Equal(id, record.PostId);
        Assert.Equal("https://www.youtube.com/watch?v=" + id, record.Url);
        Assert.Contains("\"uploadStatus\":\"uploaded\"", record.Answer);
    }

    [Fact]
    public async Task A_video_with_a_caption_file_gets_a_caption_track_through_captions_insert_once()
    {
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["youtube"]), ChannelSetup.Mp4());
        const string vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nSelamat pagi, Bapak dan Ibu guru.\n";
        s = await ChannelSetup.WithCaptionsAsync(services, s, vtt, "Transkrip yang tidak masuk deskripsi");

        var record = await Publisher.PublishAsync(s, YouTubeChannel.ChannelName, 1);
        // The channel tried again (an activity delivered twice) finds the video through its session and the track it added.
        var youtube = services.GetServices<IPublicationChannel>().Single(c => c.Name == YouTubeChannel.ChannelName);
        var again = await youtube.PublishAsync(s, new ChannelProgress(services.GetRequiredService<SubmissionStore>(), s.Id, YouTubeChannel.ChannelName), CancellationToken.None);
        Assert.Equal(record.PostId, again.PostId);

        Assert.Equal(PublicationStatus.Published, record.Status);
        var caption = Assert.Single(channels.YouTube.Captions);
        Assert.Equal(record.PostId, caption.VideoId);
        Assert.Equal("id", caption.Language);
        Assert.Equal(vtt.TrimEnd(), caption.File.Replace("\r\n", "\n").TrimEnd());
        var insert = Assert.Single(channels.YouTube.Sent("POST", "/upload/youtube/v3/captions"));
        Assert.StartsWith("multipart/related", ProtocolStub.Header(insert, "Content-Type"));
        // With a caption file the words are in the track; the description stays the post's.
        var metadata = ProtocolStub.Json(Assert.Single(channels.YouTube.Sent("POST", "/upload/youtube/v3/videos")));
        Assert.DoesNotContain("Transkrip yang tidak masuk deskripsi", metadata.GetProperty("snippet").GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_video_with_only_a_transcript_carries_it_in_the_description_within_5000_bytes()
    {
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["youtube"]) with { Body = string.Concat(Enumerable.Repeat("Lokakarya guru — ", 400)) }, ChannelSetup.Mp4());
        s = await ChannelSetup.WithCaptionsAsync(services, s, null, "Sambutan kepala balai tentang rapor pendidikan.");

        var record = await Publisher.PublishAsync(s, YouTubeChannel.ChannelName, 1);

        Assert.Equal(PublicationStatus.Published, record.Status);
        Assert.Empty(channels.YouTube.Captions);
        var description = ProtocolStub.Json(Assert.Single(channels.YouTube.Sent("POST", "/upload/youtube/v3/videos")))
            .GetProperty("snippet").GetProperty("description").GetString()!;
        Assert.Contains("Transkrip:\nSambutan kepala balai tentang rapor pendidikan.", description);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(description) <= 5_000, $"{System.Text.Encoding.UTF8.GetByteCount(description)} bytes");
    }

    [Fact]
    public async Task A_YouTube_upload_whose_answer_was_lost_is_found_through_its_session_not_uploaded_twice()
    {
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["youtube"]), ChannelSetup.Mp4());
        channels.YouTube.LoseNextAnswer = true;

        var record = await Publisher.PublishAsync(s, YouTubeChannel.ChannelName, 1);

        Assert.Equal(PublicationStatus.Published, record.Status);
        Assert.Single(channels.YouTube.Sessions);
        Assert.Equal(record.PostId, Assert.Single(channels.YouTube.Videos));
        var puts = channels.YouTube.Sent("PUT", "/upload/youtube/v3/videos");
        Assert.Equal(2, puts.Count);
        Assert.Equal($"bytes */{s.Media[0].Size}", ProtocolStub.Header(puts[1], "Content-Range"));
    }

    [Fact]
    public async Task Instagram_gets_a_container_from_a_read_link_of_the_photo_then_media_publish()
    {
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["instagram"]), ChannelSetup.Jpeg());

        var record = await Publisher.PublishAsync(s, InstagramChannel.ChannelName, 1);

        Assert.Equal(PublicationStatus.Published, record.Status);
        var create = Assert.Single(channels.Instagram.Sent("POST", $"/{ChannelSetup.IgUser}/media"));
        Assert.Equal($"/{InstagramStub.Version}/{ChannelSetup.IgUser}/media", create.Path);
        var form = ProtocolStub.Form(create);
        // The configured token, refreshed at its first use since its expiry was not known.
        Assert.Equal(channels.Instagram.Refreshed.Single(), form["access_token"]);
        Assert.StartsWith(s.Content.Title, form["caption"]);
        Assert.Equal(s.Media[0].Alt, form["alt_text"]);
        var imageUrl = form["image_url"]!;
        Assert.Contains("/media/" + s.Media[0].BlobName + "?", imageUrl);
        Assert.Contains("sig=", imageUrl);
        Assert.Contains("sp=r", imageUrl);
        // The read link really reads the photo.
        using var http = new HttpClient();
        Assert.Equal(s.Media[0].Size, (await http.GetByteArrayAsync(imageUrl)).Length);

        var container = channels.Instagram.Containers.Keys.Single();
        var publish = Assert.Single(channels.Instagram.Sent("POST", "/media_publish"));
        Assert.Equal(container, ProtocolStub.Form(publish)["creation_id"]);
        var media = Assert.Single(channels.Instagram.Published);
        Assert.Equal(media, record.PostId);
        Assert.Equal($"https://www.instagram.com/p/C{media}/", record.Url);
    }

    [Fact]
    public async Task Several_photos_go_to_Instagram_as_one_carousel()
    {
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["instagram"]),
            ChannelSetup.Jpeg("satu.jpg"), ChannelSetup.Jpeg("dua.jpg"), ChannelSetup.Jpeg("tiga.jpg"));

        var record = await Publisher.PublishAsync(s, InstagramChannel.ChannelName, 1);

        Assert.Equal(PublicationStatus.Published, record.Status);
        var creates = channels.Instagram.Sent("POST", $"/{ChannelSetup.IgUser}/media").Select(ProtocolStub.Form).ToList();
        Assert.Equal(4, creates.Count);
        Assert.All(creates.Take(3), f =>
        {
            Assert.Equal("true", f["is_carousel_item"]);
            Assert.NotNull(f["image_url"]);
            Assert.Null(f["caption"]);
        });
        var carousel = creates[3];
        Assert.Equal("CAROUSEL", carousel["media_type"]);
        var children = channels.Instagram.Containers.Where(c => c.Value.Fields.ContainsKey("is_carousel_item")).Select(c => c.Key).Order();
        Assert.Equal(children, carousel["children"]!.Split(',').Order());
        var publish = Assert.Single(channels.Instagram.Sent("POST", "/media_publish"));
        var carouselId = channels.Instagram.Containers.Single(c => c.Value.Fields.GetValueOrDefault("media_type") == "CAROUSEL").Key;
        Assert.Equal(carouselId, ProtocolStub.Form(publish)["creation_id"]);
        Assert.Single(channels.Instagram.Published);
    }

    [Fact]
    public async Task A_video_goes_to_Instagram_as_a_reel_published_once_its_container_is_ready()
    {
        var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["instagram"]), ChannelSetup.Mp4());

        var record = await Publisher.PublishAsync(s, InstagramChannel.ChannelName, 1);

        Assert.Equal(PublicationStatus.Published, record.Status);
        var form = ProtocolStub.Form(Assert.Single(channels.Instagram.Sent("POST", $"/{ChannelSetup.IgUser}/media")));
        Assert.Equal("REELS", form["media_type"]);
        Assert.Contains("sig=", form["video_url"]);
        var container = channels.Instagram.Containers.Keys.Single();
        var polls = channels.Instagram.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/" + container)).ToList();
        Assert.True(polls.Count >= 3, $"{polls.Count} status polls");
        Assert.All(polls, p => Assert.Contains("status_code", ProtocolStub.Query(p, "fields")));
        var publish = Assert.Single(channels.Instagram.Sent("POST", "/media_publish"));
        Assert.True(publish.DateTime >= polls[^1].DateTime);
    }

    [Fact]
    public async Task Partner_media_get_a_press_release_by_the_scope_of_the_content()
    {
        var local = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["media-partner"]), ChannelSetup.Jpeg());
        var national = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["media-partner"], track: "external"), ChannelSetup.Jpeg());

        var localRecord = await Publisher.PublishAsync(local, PartnerMediaChannel.ChannelName, 1);
        var nationalRecord = await Publisher.PublishAsync(national, PartnerMediaChannel.ChannelName, 1);

        Assert.Equal(PublicationStatus.Published, localRecord.Status);
        var localMails = await fixture.Smtp.WaitForMessagesAsync(m => m.Subject.Contains(local.Content.Title), 3, TimeSpan.FromSeconds(10));
        Assert.Equal(["redaksi@jatengpos.example", "redaksi@suaramerdeka.example", "redaksi@tribunjateng.example"],
            localMails.SelectMany(m => m.To).Order());
        var mail = localMails[0];
        Assert.StartsWith("[Siaran Pers / Press Release]", mail.Subject);
        Assert.Contains("Paragraf kedua <dengan> tanda.", mail.TextBody);
        Assert.Contains($"{WorkflowHost.BaseUrl}/media/{local.Id}/kegiatan.jpg", mail.Links);
        Assert.Contains("humas@bbpmp-jateng.example", mail.TextBody);
        Assert.Contains("redaksi@suaramerdeka.example", localRecord.Answer);

        var nationalMails = await fixture.Smtp.WaitForMessagesAsync(m => m.Subject.Contains(national.Content.Title), 5, TimeSpan.FromSeconds(10));
        Assert.Contains(nationalMails, m => m.IsFor("jateng@antaranews.example"));
        Assert.Contains("(national)", nationalRecord.Answer);
        Assert.DoesNotContain(fixture.Smtp.Messages, m => m.Subject.Contains(local.Content.Title) && m.IsFor("jateng@antaranews.example"));
    }

    [Fact]
    public async Task The_press_release_names_the_Humas_contact_as_staff_set_it_last()
    {
        var people = services.GetRequiredService<People.UnitPeople>();
        var before = await people.GetAsync();
        var moved = before.Settings with
        {
            People = before.Settings.People.Select(p => p.Key == PersonKeys.HumasTeam ? p with { Email = "humas.baru@bbpmp-jateng.example" } : p).ToList(),
        };
        var changed = await people.ChangeAsync(moved, "Sari (Humas)", before.Version);
        try
        {
            var s = await ChannelSetup.StoreAsync(services, ChannelSetup.Content(["media-partner"]), ChannelSetup.Jpeg());
            Assert.Equal(PublicationStatus.Published, (await Publisher.PublishAsync(s, PartnerMediaChannel.ChannelName, 1)).Status);

            var mail = await fixture.Smtp.WaitForMessageAsync(m => m.Subject.Contains(s.Content.Title), TimeSpan.FromSeconds(10));
            Assert.Contains("humas.baru@bbpmp-jateng.example", mail.TextBody);
            Assert.DoesNotContain("humas@bbpmp-jateng.example", mail.TextBody);
        }
        finally
        {
            await people.ChangeAsync(before.Settings, "Sari (Humas)", changed.Version);
        }
    }

    [Fact]
    public async Task A_refused_channel_ends_failed_with_its_reason_the_others_still_publish_and_people_are_told()
    {
        await using var wrongToken = await channels.ServicesAsync(fixture,
            new Dictionary<string, string?> { ["Humas:Channels:Instagram:AccessToken"] = "expired-token" });
        var s = await ChannelSetup.StoreAsync(wrongToken, ChannelSetup.Content(["website", "instagram", "youtube"]),
            ChannelSetup.Jpeg(), ChannelSetup.Mp4());

        var records = await ActivatorUtilities.CreateInstance<PublishSubmission>(wrongToken)
            .RunAsync(null!, new PublishRequest(s.Id, DateTimeOffset.UtcNow));

        Assert.Equal(["instagram", "website", "wordpress", "youtube"], records.Select(r => r.Channel).Order());
        var instagram = records.Single(r => r.Channel == "instagram");
        Assert.Equal(PublicationStatus.Failed, instagram.Status);
        Assert.Contains("HTTP 400", instagram.Reason);
        Assert.Contains("OAuthException", instagram.Answer);
        // A refusal is final: tried once, not retried.
        Assert.Single(channels.Instagram.Sent("POST", $"/{ChannelSetup.IgUser}/media"));
        Assert.All(records.Where(r => r.Channel != "instagram"), r => Assert.Equal(PublicationStatus.Published, r.Status));

        var toSubmitter = await fixture.Smtp.WaitForMessageAsync(m => m.IsFor(s.Content.SubmitterEmail)
            && m.Subject.Contains(s.Content.Title) && m.Subject.Contains("Gagal terbit di instagram"), TimeSpan.FromSeconds(10));
        Assert.Contains("Publication failed on instagram", toSubmitter.Subject);
        Assert.Contains(toSubmitter.Links, l => l.StartsWith(WorkflowHost.BaseUrl + "/track/"));
        var toTeam = await fixture.Smtp.WaitForMessageAsync(m => m.IsFor("humas@bbpmp-jateng.example")
            && m.Subject.Contains(s.Content.Title), TimeSpan.FromSeconds(10));
        Assert.Contains($"/api/submissions/{s.Id}", toTeam.TextBody);
        Assert.Contains("HTTP 400", toTeam.TextBody);

        // The same delivery again changes nothing and tells nobody twice.
        await ActivatorUtilities.CreateInstance<PublishSubmission>(wrongToken).RunAsync(null!, new PublishRequest(s.Id, DateTimeOffset.UtcNow));
        Assert.Single(channels.Instagram.Sent("POST", $"/{ChannelSetup.IgUser}/media"));
        Assert.Single(channels.YouTube.Sessions);
        Assert.Single(channels.WordPress.Posts);
        // The second delivery has returned, so any mail of its is sent; the sink has it once it has kept one sent after.
        await fixture.Smtp.FlushAsync();
        Assert.Single(fixture.Smtp.Messages, m => m.IsFor("humas@bbpmp-jateng.example") && m.Subject.Contains(s.Content.Title));
    }

    [Fact]
    public async Task Channels_without_settings_are_recorded_as_not_configured_and_nothing_is_sent()
    {
        var settings = channels.Settings(configured: false);
        var configuration = WorkflowHost.Settings(fixture, settings);
        await using var bare = new ServiceCollection().AddLogging().AddHumasWorkflow(configuration).BuildServiceProvider();
        var s = await ChannelSetup.StoreAsync(bare, ChannelSetup.Content(["website", "youtube", "instagram", "facebook"]), ChannelSetup.Mp4());

        var records = await ActivatorUtilities.CreateInstance<PublishSubmission>(bare).RunAsync(null!, new PublishRequest(s.Id, DateTimeOffset.UtcNow));

        Assert.Equal(PublicationStatus.Published, records.Single(r => r.Channel == "website").Status);
        Assert.DoesNotContain(records, r => r.Channel == "wordpress");
        Assert.Equal(["facebook", "instagram", "youtube"],
            records.Where(r => r.Status == PublicationStatus.NotConfigured).Select(r => r.Channel).Order());
        Assert.Empty(channels.WordPress.Requests);
        Assert.Empty(channels.YouTube.Requests);
        Assert.Empty(channels.Instagram.Requests);
    }
}
