using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Tests.Publication;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>
/// The local host over Azurite and the SMTP sink, publishing to a real WordPress (WordPressSite) and to the channel stubs
/// (YouTubeStub and InstagramStub speak the Data API's resumable upload and quotaExceeded, and the Graph API's
/// content_publishing_limit; each names its reference pages): a refused credential and a reached limit
/// make the channel wait, the tracking page says for what, and the publication goes out once the channel takes it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ChannelWaitSystemTests(SystemFixture fixture)
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Kabag = "kabag.umum@bbpmp-jateng.example";
    private const string IgUser = "17841400000000001";

    private static async Task<(string Id, string TrackingUrl)> ApprovedAsync(RunningSystem system, string subject, string channels, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var title = $"{subject} {Guid.NewGuid().ToString("N")[..8]}";
        var fields = RunningSystem.Fields(title);
        fields["channels"] = channels;
        var (id, tracking) = await system.SubmitAsync(RunningSystem.Form(fields, files));
        foreach (var (to, subjectPart, decision) in new[] { (Reviewer, "Mohon tinjau", "accept"), (Kabag, "Mohon persetujuan", "approve") })
        {
            var mail = await system.MailAsync(to, title, subjectPart, 60);
            using var answer = await system.DecideAsync(RunningSystem.LinkIn(mail, "act"), decision);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        return (id, tracking);
    }

    /// <summary>The channel's record once it has the status, as GET /api/submissions/{id} shows it.</summary>
    private static async Task<JsonElement> PublicationAsync(RunningSystem system, string id, string channel, string status, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        string? last = null;
        while (DateTime.UtcNow < until)
        {
            using var doc = await system.StatusAsync(id);
            foreach (var p in doc.RootElement.GetProperty("publications").EnumerateArray())
                if (p.GetProperty("channel").GetString() == channel)
                {
                    last = p.GetProperty("status").GetString();
                    if (last == status) return p.Clone();
                }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{channel} of {id} is {last ?? "not recorded"}, not {status}. Host log:\n{system.Host.LogTail()}");
    }

    /// <summary>Against a real WordPress (WordPressSite): its admin revokes the application password, and makes a new one.</summary>
    [Fact]
    public async Task A_WordPress_401_marks_the_channel_the_post_waits_and_goes_out_once_the_password_is_fixed_in_the_settings()
    {
        await using var wordpress = await WordPressSite.StartAsync();
        var revoked = wordpress.ChannelPassword;
        await wordpress.RevokeChannelPasswordAsync();
        var hub = "waits" + Guid.NewGuid().ToString("N")[..10];
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Dictionary<string, string?> Settings(string password, string checkEvery) => new()
        {
            ["Humas__TaskHub"] = hub,
            ["Humas__LinkSigningKey"] = key,
            ["Humas__Channels__WordPress__BaseUrl"] = wordpress.Url,
            ["Humas__Channels__WordPress__User"] = WordPressSite.User,
            ["Humas__Channels__WordPress__AppPassword"] = password,
            ["Humas__Channels__ReconnectCheckEvery"] = checkEvery,
        };

        string id, tracking;
        // The first host's next try comes after it has stopped: a try cut off in the middle would hold its work item
        // until the engine takes it back, about a minute later.
        await using (var before = await fixture.StartHostAsync(Settings(revoked, "00:00:10")))
        {
            (id, tracking) = await ApprovedAsync(before, "Liputan lokakarya", "website", ("kegiatan.jpg", "image/jpeg", RunningSystem.Jpeg()));
            var waiting = await PublicationAsync(before, id, "wordpress", "Waiting");
            Assert.Equal("reconnect", waiting.GetProperty("waitFor").GetString());
            Assert.Contains("401", waiting.GetProperty("reason").GetString());
            Assert.Contains("Menunggu WordPress dihubungkan ulang", await before.Host.Http.GetStringAsync(tracking));
            Assert.Contains("Waiting for WordPress to be reconnected", await before.Host.Http.GetStringAsync(tracking + "?lang=en"));
            Assert.Contains("data-reconnect=\"wordpress\"", await before.Host.Http.GetStringAsync("/staff"));
            await before.Smtp.WaitForMessageAsync(m => m.IsFor("humas@bbpmp-jateng.example") && m.Subject.Contains("WordPress perlu dihubungkan ulang"),
                TimeSpan.FromSeconds(30));
            using var status = await before.StatusAsync(id);
            Assert.Equal("Publishing", status.RootElement.GetProperty("status").GetString());
        }

        // The operator makes a new application password, sets it and starts the host again; the durable timer goes on.
        await using var after = await fixture.StartHostAsync(Settings(await wordpress.NewChannelPasswordAsync(), "00:00:01"));
        await after.WaitForStatusAsync(id, "Published", 90);
        var published = await PublicationAsync(after, id, "wordpress", "Published");
        var post = Assert.Single((JsonArray)await wordpress.GetAsync($"wp/v2/posts?slug={WordPressChannel.Slug(id)}&status=publish,draft,pending,private&context=edit"));
        Assert.Equal(post!["link"]!.GetValue<string>(), published.GetProperty("url").GetString());
        Assert.DoesNotContain("data-reconnect=\"wordpress\"", await after.Host.Http.GetStringAsync("/staff"));
    }

    [Fact]
    public async Task An_Instagram_post_over_its_publishing_limit_and_a_YouTube_upload_over_its_quota_wait_then_go_out()
    {
        var token = "EAAG-waits-" + Guid.NewGuid().ToString("N")[..12];
        using var instagram = new InstagramStub(IgUser, token) { VideoPollsBeforeReady = 0 };
        using var youtube = new YouTubeStub("client-id.apps.googleusercontent.com", "client-secret", "1//refresh-token") { QuotaExceededUploads = 1 };
        instagram.QuotaUsage = instagram.QuotaTotal;
        await using var system = await fixture.StartHostAsync(new Dictionary<string, string?>
        {
            ["Humas__Channels__Instagram__GraphBaseUrl"] = instagram.Url,
            ["Humas__Channels__Instagram__ApiVersion"] = InstagramStub.Version,
            ["Humas__Channels__Instagram__UserId"] = IgUser,
            ["Humas__Channels__Instagram__AccessToken"] = token,
            ["Humas__Channels__Instagram__RefreshUrl"] = instagram.Url + "/refresh_access_token",
            ["Humas__Channels__Instagram__StatusPollInterval"] = "00:00:00.200",
            ["Humas__Channels__YouTube__ApiBaseUrl"] = youtube.Url,
            ["Humas__Channels__YouTube__TokenUrl"] = youtube.Url + "/token",
            ["Humas__Channels__YouTube__ClientId"] = "client-id.apps.googleusercontent.com",
            ["Humas__Channels__YouTube__ClientSecret"] = "client-secret",
            ["Humas__Channels__YouTube__RefreshToken"] = "1//refresh-token",
            ["Humas__Channels__RateLimitStep"] = "00:00:01",
            // Midnight Pacific is hours away; the test shortens that one wait (docs/configuration.md).
            ["Humas__Channels__RateLimitWaitAtMost"] = "00:00:03",
        });

        var (id, tracking) = await ApprovedAsync(system, "Video lomba inovasi", "website,instagram,youtube", Video());

        var limited = await PublicationAsync(system, id, "instagram", "Waiting");
        Assert.Equal("rate-limit", limited.GetProperty("waitFor").GetString());
        var quota = await PublicationAsync(system, id, "youtube", "Waiting");
        Assert.Contains("quotaExceeded", quota.GetProperty("answer").GetString());
        var page = await system.Host.Http.GetStringAsync(tracking);
        Assert.Contains("Menunggu batas unggahan Instagram pulih", page);
        Assert.Contains("hingga", page);
        Assert.Empty(instagram.Published);
        // The oldest post leaves the 24-hour window.
        instagram.QuotaUsage = instagram.QuotaTotal - 1;

        await system.WaitForStatusAsync(id, "Published", 90);
        await PublicationAsync(system, id, "instagram", "Published");
        await PublicationAsync(system, id, "youtube", "Published");
        Assert.Single(instagram.Published);
        Assert.Single(youtube.Videos);
        Assert.True(instagram.Sent("GET", "/content_publishing_limit").Count >= 2);
    }

    private static (string Name, string Type, byte[] Bytes) Video()
    {
        var bytes = new byte[16_384];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m' }.CopyTo(bytes, 0);
        return ("liputan.mp4", "video/mp4", bytes);
    }
}
