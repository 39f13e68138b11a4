using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Humas.Integration.Tests.EndToEnd;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Integration.Tests.Hostile;

/// <summary>
/// Script and HTML in every text a person can type is stored exactly as given and never comes back as markup:
/// not on the decision, revision, tracking and published pages, not in the Atom feed, not in any email.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class MarkupEscapingTests(SystemFixture fixture)
{
    private static string Payload(string marker, string where) =>
        $"{marker} {where} <script>alert('{where}')</script><img src=x onerror=alert(1)>\"'&amp;<b>tebal</b>";

    [Fact]
    public async Task Markup_in_every_text_field_is_stored_as_given_and_shown_only_as_text()
    {
        await using var system = await fixture.StartHostAsync();
        var marker = "xss" + Guid.NewGuid().ToString("N")[..8];
        var fields = RunningSystem.Fields(Payload(marker, "title"));
        foreach (var field in new[] { "summary", "body", "program", "submitterName" }) fields[field] = Payload(marker, field);
        fields["body"] += "\nbaris kedua <iframe src=javascript:alert(2)></iframe>";
        var (id, tracking) = await system.SubmitAsync(RunningSystem.Form(fields, ("foto.jpg", "image/jpeg", RunningSystem.Jpeg())));

        using (var stored = await system.StatusAsync(id))
        {
            var content = stored.RootElement.GetProperty("content");
            foreach (var field in new[] { "title", "summary", "body", "program", "submitterName" })
                Assert.Equal(fields[field], content.GetProperty(field).GetString());
        }

        var review = await Mail(system, HostileFixture.Reviewer, marker, "Mohon tinjau");
        await AssertPageIsInert(system, review.Link("/act/"), marker);
        var comment = Payload(marker, "comment");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(review.Link("/act/"), "revise", comment)).StatusCode);

        var revise = await Mail(system, "ani@example.org", marker, "Mohon revisi");
        await AssertPageIsInert(system, revise.Link("/revise/"), marker);
        var revised = new Dictionary<string, string>
        {
            ["title"] = Payload(marker, "revised-title"), ["summary"] = Payload(marker, "revised-summary"),
            ["body"] = Payload(marker, "revised-body"), ["comment"] = Payload(marker, "revision-note"),
        };
        Assert.Equal(HttpStatusCode.OK, (await system.Host.Http.PostAsync(revise.Link("/revise/"), new FormUrlEncodedContent(revised))).StatusCode);

        var second = await system.Smtp.WaitForMessagesAsync(m => m.IsFor(HostileFixture.Reviewer) && m.Subject.Contains(marker) && m.Subject.Contains("Mohon tinjau"), 2, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(second[^1].Link("/act/"), "accept")).StatusCode);
        var approval = await Mail(system, HostileFixture.Approver, marker, "Mohon persetujuan");
        await AssertPageIsInert(system, approval.Link("/act/"), marker);
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(approval.Link("/act/"), "approve")).StatusCode);
        await system.WaitForStatusAsync(id, "Published", 90);

        using (var stored = await system.StatusAsync(id))
            Assert.Equal(revised["title"], stored.RootElement.GetProperty("content").GetProperty("title").GetString());

        await AssertPageIsInert(system, tracking, marker, expectComments: true);
        await AssertPageIsInert(system, "/published", marker);
        await AssertPageIsInert(system, "/?lang=%3Cscript%3Ealert(1)%3C/script%3E", null);

        var atom = XDocument.Parse(await system.Host.Http.GetStringAsync("/feed.atom"));
        XNamespace a = "http://www.w3.org/2005/Atom";
        var entry = atom.Root!.Elements(a + "entry").Single(e => e.Element(a + "title")!.Value.Contains(marker));
        Assert.Equal(revised["title"], entry.Element(a + "title")!.Value);
        Assert.Null(entry.Element(a + "title")!.Attribute("type")); // plain text: a reader shows it, never runs it
        Assert.Equal("html", entry.Element(a + "content")!.Attribute("type")!.Value);
        AssertInert(entry.Element(a + "content")!.Value, "atom content");

        var mails = system.Smtp.Messages.Where(m => m.Subject.Contains(marker)).ToList();
        Assert.True(mails.Count >= 6, $"{mails.Count} mails");
        foreach (var mail in mails)
        {
            Assert.NotNull(mail.HtmlBody);
            AssertInert(mail.HtmlBody!, $"mail '{mail.Subject}'");
            Assert.DoesNotContain('\n', mail.Subject);
        }
        Assert.Contains(mails, m => m.HtmlBody!.Contains(WebUtility.HtmlEncode("<script>alert('title')</script>")) || m.HtmlBody!.Contains("&lt;script&gt;"));
    }

    private static Task<ReceivedMail> Mail(RunningSystem system, string to, string marker, string subject) =>
        system.Smtp.WaitForMessageAsync(m => m.IsFor(to) && m.Subject.Contains(marker) && m.Subject.Contains(subject), TimeSpan.FromSeconds(30));

    private static async Task AssertPageIsInert(RunningSystem system, string url, string? marker, bool expectComments = false)
    {
        using var response = await system.Host.Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        AssertInert(html, url);
        if (marker is not null) Assert.Contains(marker, html);
        if (expectComments) Assert.Contains($"{marker} comment &lt;script&gt;", html.Replace("&#x27;", "'"));
    }

    /// <summary>No tag from the payload survives as a tag (the pages' own scripts are not the payload's).</summary>
    private static void AssertInert(string html, string where)
    {
        foreach (var tag in new[] { "<script>alert(", "<img src=x", "<iframe src=javascript", "<b>tebal" })
            Assert.False(html.Contains(tag, StringComparison.OrdinalIgnoreCase), $"{where} carries '{tag}':\n{Excerpt(html, tag)}");
    }

    private static string Excerpt(string html, string tag)
    {
        var at = html.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
        return html.Substring(Math.Max(0, at - 200), Math.Min(400, html.Length - Math.Max(0, at - 200)));
    }
}
