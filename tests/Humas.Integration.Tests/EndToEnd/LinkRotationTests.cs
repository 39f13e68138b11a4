using System.Net;
using System.Security.Cryptography;
using Humas.Workflow.Links;
using Humas.Workflow.Submissions;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>
/// The link keys rotated on a running system: a link mailed under key a still decides once key b signs, and answers
/// a 403 page naming whom to ask once a is removed; a link in the format mailed before opaque links is accepted.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LinkRotationTests(SystemFixture fixture)
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private readonly byte[] a = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] b = RandomNumberGenerator.GetBytes(32);
    private readonly string hub = "rotate" + Guid.NewGuid().ToString("N")[..8];

    private Task<RunningSystem> StartAsync(params (string Id, byte[] Key)[] ring)
    {
        var settings = new Dictionary<string, string?> { ["Humas__LinkSigningKey"] = "", ["Humas__TaskHub"] = hub };
        for (var i = 0; i < ring.Length; i++) settings[$"Humas__LinkSigningKeys__{i}"] = $"{ring[i].Id}:{Convert.ToBase64String(ring[i].Key)}";
        return fixture.StartHostAsync(settings);
    }

    [Fact]
    public async Task A_link_outlives_a_new_signing_key_and_answers_a_page_naming_whom_to_ask_when_its_key_is_removed()
    {
        var title = "Rotasi " + Guid.NewGuid().ToString("N")[..8];
        string link, tracking, before;
        await using (var first = await StartAsync(("a", a)))
        {
            (var id, var trackingUrl) = await first.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
            // Each host has a port of its own: the paths are what stays the same.
            tracking = new Uri(trackingUrl).AbsolutePath;
            link = new Uri(RunningSystem.LinkIn(await first.MailAsync(Reviewer, title, "Mohon tinjau"), "act")).AbsolutePath;
            var token = link[(link.LastIndexOf('/') + 1)..];
            Assert.StartsWith("a.", token);
            Assert.True(token.Length <= LinkBook.MaxLength, token);
            Assert.DoesNotContain("@", link + tracking);
            // What a reviewer still has in an inbox from the release before: the signed JSON, under the same key.
            before = "/act/" + new LinkSigner(a).Sign(new LinkToken(id, "act", Stage.Review, 1, "reviewer", Reviewer,
                DateTimeOffset.UtcNow.AddDays(1), null, DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.OK, (await first.Host.Http.GetAsync(before)).StatusCode);
        }

        await using (var rotated = await StartAsync(("b", b), ("a", a)))
        {
            Assert.Equal(HttpStatusCode.OK, (await rotated.Host.Http.GetAsync(tracking)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await rotated.Host.Http.GetAsync(before)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await rotated.DecideAsync(link, "accept")).StatusCode);
            var approval = await rotated.MailAsync("kabag.umum@bbpmp-jateng.example", title, "Mohon persetujuan", 60);
            Assert.Contains("/act/b.", RunningSystem.LinkIn(approval, "act"));
        }

        await using var removed = await StartAsync(("b", b));
        using var refused = await removed.Host.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("humas@bbpmp-jateng.example", page);
        Assert.Contains("Kunci yang menandatangani tautan ini sudah diganti", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await removed.Host.Http.GetAsync(tracking)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await removed.DecideAsync(link, "reject", "telat")).StatusCode);
    }
}
