using System.Net;
using System.Xml.Linq;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>The whole path over HTTP against the local host, following the links in the emails it sends.</summary>
[Collection(SystemCollection.Name)]
public sealed class ContentWorkflowTests(SystemFixture fixture) : IAsyncLifetime
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private const string Submitter = "ani@example.org";
    private RunningSystem system = null!;

    public async Task InitializeAsync() => system = await fixture.StartHostAsync();

    public async Task DisposeAsync() => await system.DisposeAsync();

    [Fact]
    public async Task The_form_serves_Indonesian_labels_and_posts_to_the_intake()
    {
        var page = await system.Host.Http.GetStringAsync("/");
        Assert.Contains("<html lang=\"id\">", page);
        Assert.Contains("Judul", page);
        Assert.Contains("action=\"/api/submissions\"", page);
        Assert.Contains("enctype=\"multipart/form-data\"", page);
        Assert.Contains("Kota Semarang", page);
        var english = await system.Host.Http.GetStringAsync("/?lang=en");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Title", english);
    }

    [Fact]
    public async Task A_photo_submitted_by_form_is_reviewed_approved_by_email_link_and_published_with_its_photo()
    {
        var title = "Lokakarya Kurikulum " + Guid.NewGuid().ToString("N")[..8];
        var photo = RunningSystem.Jpeg();
        var (id, tracking) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title), ("kegiatan.jpg", "image/jpeg", photo)));

        var review = await system.MailAsync(Reviewer, title, "Mohon tinjau");
        var reviewLink = RunningSystem.LinkIn(review, "act");
        var confirm = await system.Host.Http.GetStringAsync(reviewLink);
        Assert.Contains(title, confirm);
        Assert.Contains("value=\"accept\"", confirm);
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(reviewLink, "accept")).StatusCode);

        var approval = await system.MailAsync(Approver, title, "Mohon persetujuan");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(approval, "act"), "approve")).StatusCode);

        await system.WaitForStatusAsync(id, "Published");
        await system.MailAsync(Submitter, title, "telah terbit");

        var published = await system.Host.Http.GetStringAsync("/published");
        Assert.Contains(title, published);
        var mediaUrl = $"{system.Host.BaseUrl}/media/{id}/kegiatan.jpg";
        Assert.Contains(mediaUrl, published);
        // The photo is described by the submitter's alt text, on the page and in the feed, never by its file name.
        const string alt = "Peserta lokakarya berdiskusi, gambar nomor 1";
        Assert.Contains($"alt=\"{alt}\"", published);
        Assert.DoesNotContain("alt=\"kegiatan.jpg\"", published);
        var served = await system.Host.Http.GetAsync(mediaUrl);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(photo, await served.Content.ReadAsByteArrayAsync());

        var feed = XDocument.Parse(await system.Host.Http.GetStringAsync("/feed.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"), e => e.Element(atom + "title")?.Value == title);
        Assert.Contains(entry.Elements(atom + "link"), l => (string?)l.Attribute("rel") == "enclosure" && (string?)l.Attribute("href") == mediaUrl);
        Assert.Contains($"alt=\"{alt}\"", entry.Element(atom + "content")!.Value);

        var json = await system.Host.Http.GetStringAsync("/api/published");
        Assert.Contains(id, json);

        var trackRequest = new HttpRequestMessage(HttpMethod.Get, tracking);
        trackRequest.Headers.Accept.ParseAdd("application/json");
        var track = await (await system.Host.Http.SendAsync(trackRequest)).Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Published\"", track);
        Assert.Contains("\"channel\":\"website\"", track);
    }

    [Fact]
    public async Task A_revision_round_goes_back_to_the_submitter_and_then_through_review_again()
    {
        var title = "Webinar Literasi " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
        var review = await system.MailAsync(Reviewer, title, "Mohon tinjau");
        var noComment = await system.DecideAsync(RunningSystem.LinkIn(review, "act"), "revise");
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(review, "act"), "revise", "Lengkapi narasumber")).StatusCode);

        var ask = await system.MailAsync(Submitter, title, "Mohon revisi");
        Assert.Contains("Lengkapi narasumber", ask.TextBody);
        var reviseLink = RunningSystem.LinkIn(ask, "revise");
        var form = await system.Host.Http.GetStringAsync(reviseLink);
        Assert.Contains("Lengkapi narasumber", form);
        var newTitle = title + " (revisi)";
        var sent = await system.Host.Http.PostAsync(reviseLink, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["title"] = newTitle, ["summary"] = "Narasumber lengkap", ["body"] = "Isi baru", ["comment"] = "Sudah dilengkapi",
        }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await system.Host.Http.PostAsync(reviseLink, new FormUrlEncodedContent(
            new Dictionary<string, string> { ["title"] = "again" }))).StatusCode);

        var second = await system.MailAsync(Reviewer, newTitle, "Mohon tinjau");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(second, "act"), "accept")).StatusCode);
        var approval = await system.MailAsync(Approver, newTitle, "Mohon persetujuan");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(approval, "act"), "approve")).StatusCode);
        var status = await system.WaitForStatusAsync(id, "Published");
        Assert.Equal(newTitle, status.RootElement.GetProperty("content").GetProperty("title").GetString());
        Assert.Contains(newTitle, await system.Host.Http.GetStringAsync("/published"));
    }

    [Fact]
    public async Task A_rejection_by_the_approver_ends_it_unpublished_and_tells_the_submitter()
    {
        var title = "Siaran Pers " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
        await system.DecideAsync(RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act"), "accept");
        var approval = await system.MailAsync(Approver, title, "Mohon persetujuan");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(approval, "act"), "reject", "Belum waktunya")).StatusCode);
        await system.WaitForStatusAsync(id, "Rejected");
        var told = await system.MailAsync(Submitter, title, "ditolak");
        Assert.Contains("Belum waktunya", told.TextBody);
        Assert.DoesNotContain(title, await system.Host.Http.GetStringAsync("/published"));
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_submission_and_starts_one_workflow()
    {
        var title = "Berita " + Guid.NewGuid().ToString("N")[..8];
        var key = Guid.NewGuid().ToString();
        var first = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)), key);
        var again = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)), key);
        Assert.Equal(first.Id, again.Id);
        var review = await system.MailAsync(Reviewer, title, "Mohon tinjau");
        // A second workflow would ask for review as the first did, long before the approval that only the first
        // one's review decision leads to.
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(review, "act"), "accept")).StatusCode);
        await system.MailAsync(Approver, title, "Mohon persetujuan");
        Assert.Single(system.Smtp.Messages, m => m.IsFor(Reviewer) && m.Subject.Contains(title) && m.Subject.Contains("Mohon tinjau"));
        Assert.Single(system.Submissions.Query<Azure.Data.Tables.TableEntity>(e => e.RowKey == "record"), e => e.PartitionKey == first.Id || e.GetString("Json").Contains(title));
    }

    [Fact]
    public async Task A_JSON_submission_is_accepted_and_a_browser_form_post_is_sent_to_the_tracking_page()
    {
        var title = "Artikel " + Guid.NewGuid().ToString("N")[..8];
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            title, contentType = "article", channels = new[] { "website" }, track = "external", priorityProgram = true, submitterEmail = Submitter,
        });
        var (id, _) = await system.SubmitAsync(new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var status = await system.StatusAsync(id);
        Assert.True(status.RootElement.GetProperty("content").GetProperty("priorityProgram").GetBoolean());

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = title + " form", ["submitterEmail"] = Submitter }),
        };
        request.Headers.Accept.ParseAdd("text/html");
        var response = await system.Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("/track/", response.Headers.Location!.ToString());
        var trackingPage = await system.Host.Http.GetStringAsync(response.Headers.Location);
        Assert.Contains(title + " form", trackingPage);
    }

    [Fact]
    public async Task Staff_status_needs_the_admin_key()
    {
        var title = "Berita " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title), ("foto.jpg", "image/jpeg", RunningSystem.Jpeg())));
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Host.Http.GetAsync($"/api/submissions/{id}")).StatusCode);
        using var status = await system.StatusAsync(id);
        var root = status.RootElement;
        Assert.Equal("Submitted", root.GetProperty("history")[0].GetProperty("status").GetString());
        var readUrl = root.GetProperty("media")[0].GetProperty("readUrl").GetString()!;
        Assert.Contains("sig=", readUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await system.Host.AdminHttp.GetAsync("/api/submissions/20990101-0000000000")).StatusCode);
    }
}
