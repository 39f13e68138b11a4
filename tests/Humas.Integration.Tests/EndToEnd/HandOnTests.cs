using System.Net;
using System.Text.Json;
using Azure.Data.Tables;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>
/// A decider hands their seat to a colleague from the decision page, through the local host and the real SMTP server: the
/// colleague's own link decides, the first link says who has it now, four-eyes still holds, bad input is refused by field.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class HandOnTests(SystemFixture fixture) : IAsyncLifetime
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Kabag = "kabag.umum@bbpmp-jateng.example";
    private const string KabagBackup = "plh.kabag.umum@bbpmp-jateng.example";
    private const string Head = "kepala@bbpmp-jateng.example";
    private const string HeadName = "Kepala BBPMP Jawa Tengah";
    private RunningSystem system = null!;

    public async Task InitializeAsync() => system = await fixture.StartHostAsync();

    public async Task DisposeAsync() => await system.DisposeAsync();

    private async Task<(string Id, string Title, string Link)> SubmitAsync(string? submitter = null)
    {
        var title = "Berita " + Guid.NewGuid().ToString("N")[..8];
        var fields = RunningSystem.Fields(title);
        if (submitter is not null) fields["submitterEmail"] = submitter;
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(fields));
        return (id, title, RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act"));
    }

    private int HandOverRows(string id) =>
        system.Submissions.Query<TableEntity>(e => e.PartitionKey == id).Count(e => e.RowKey.StartsWith("handover-"));

    [Fact]
    public async Task The_colleague_is_mailed_a_link_that_decides_and_the_first_link_then_says_who_has_it()
    {
        var (id, title, link) = await SubmitAsync();
        var page = await (await system.Host.Http.GetAsync(link)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"handon-form\"", page);
        Assert.Contains("<option value=\"head\">", page);
        Assert.DoesNotContain("<option value=\"reviewer\">", page);

        var handed = await system.HandOnAsync(link, "head", "Saya sedang dinas luar <b>minggu ini</b>");
        var handedPage = await handed.Content.ReadAsStringAsync();
        Assert.True(handed.StatusCode == HttpStatusCode.OK, handedPage);
        Assert.Contains(HeadName, handedPage);

        var mail = await system.MailAsync(Head, title, "Diserahkan oleh Redaktur Humas");
        Assert.Contains("Saya sedang dinas luar", mail.TextBody);
        Assert.Contains("&lt;b&gt;minggu ini&lt;/b&gt;", mail.HtmlBody);
        var colleagueLink = RunningSystem.LinkIn(mail, "act");
        Assert.NotEqual(link, colleagueLink);

        foreach (var answer in new[] { await system.Host.Http.GetAsync(link), await system.DecideAsync(link, "accept") })
        {
            var body = await answer.Content.ReadAsStringAsync();
            Assert.Contains("data-holder=\"head\"", body);
            Assert.Contains(HeadName, body);
            Assert.DoesNotContain(Head, body);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await system.DecideAsync(link, "accept")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(colleagueLink, "accept")).StatusCode);
        using var status = await system.WaitForStatusAsync(id, "AwaitingApproval");
        var rows = status.RootElement.GetProperty("history").EnumerateArray().ToList();
        var row = rows.Single(h => h.GetProperty("event").GetString() == "ReviewHandedOn");
        Assert.Equal("Redaktur Humas", row.GetProperty("actor").GetString());
        Assert.Equal(HeadName, row.GetProperty("to").GetString());
        Assert.Equal("Saya sedang dinas luar <b>minggu ini</b>", row.GetProperty("comment").GetString());
        Assert.Equal(HeadName, rows.Single(h => h.GetProperty("event").GetString() == "ReviewAccepted").GetProperty("actor").GetString());
    }

    [Fact]
    public async Task The_approval_cannot_go_to_who_reviewed_the_round_nor_to_the_submitter()
    {
        // Submitted by the Plh of the Kabag Umum, the approver's own backup.
        var (id, title, link) = await SubmitAsync(submitter: KabagBackup);
        Assert.Equal(HttpStatusCode.OK, (await system.HandOnAsync(link, "head", "Kepala sudah mengikuti kegiatan ini")).StatusCode);
        var headLink = RunningSystem.LinkIn(await system.MailAsync(Head, title, "Diserahkan oleh"), "act");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(headLink, "accept")).StatusCode);
        var approval = RunningSystem.LinkIn(await system.MailAsync(Kabag, title, "Mohon persetujuan"), "act");

        var page = await (await system.Host.Http.GetAsync(approval)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<option value=\"head\">", page);
        Assert.DoesNotContain("<option value=\"kabag-umum-backup\">", page);
        foreach (var to in new[] { "head", "kabag-umum-backup" })
        {
            var refused = await system.HandOnAsync(approval, to, "Mohon diputuskan");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("to", out _));
        }
        Assert.Equal(1, HandOverRows(id)); // only the review's
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(approval, "approve")).StatusCode);
    }

    [Fact]
    public async Task A_colleague_not_allowed_or_a_missing_reason_is_refused_naming_the_field_and_leaves_nothing()
    {
        var (id, _, link) = await SubmitAsync();
        foreach (var (to, comment, field) in new (string?, string?, string)[]
                 {
                     ("pdm07-lead", "Bukan bidang saya", "to"), ("nobody", "Bukan bidang saya", "to"), (null, "Bukan bidang saya", "to"),
                     ("reviewer", "Ke diri sendiri", "to"), ("head", null, "comment"), ("head", "   ", "comment"),
                     ("head", new string('x', 4001), "comment"),
                 })
        {
            var refused = await system.HandOnAsync(link, to, comment);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{to}/{comment?.Length}: {problem.RootElement}");
        }
        Assert.Equal(0, HandOverRows(id));
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(link, "accept")).StatusCode);
        await system.WaitForStatusAsync(id, "AwaitingApproval");
    }

    [Fact]
    public async Task A_revised_submission_shows_the_words_changed_since_the_last_round_on_the_page_and_in_the_mail()
    {
        var (id, title, link) = await SubmitAsync();
        Assert.DoesNotContain("id=\"changes\"", await system.Host.Http.GetStringAsync(link));
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(link, "revise", "Sebutkan tempatnya")).StatusCode);
        var reviseLink = RunningSystem.LinkIn(await system.MailAsync("ani@example.org", title, "Mohon revisi"), "revise");
        var sent = await system.Host.Http.PostAsync(reviseLink, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["title"] = title, ["summary"] = "Ringkasan <kegiatan> di Semarang", ["body"] = "Isi kegiatan.", ["comment"] = "Tempat disebutkan",
        }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var mail = await system.Smtp.WaitForMessageAsync(m => m.IsFor(Reviewer) && m.Subject.Contains(title)
            && m.Links.All(l => !l.StartsWith(link, StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
        var second = RunningSystem.LinkIn(mail, "act");
        Assert.NotEqual(link, second);
        var changes = mail.HtmlBody![mail.HtmlBody!.IndexOf("id=\"changes\"", StringComparison.Ordinal)..];
        Assert.Contains("<ins", changes);
        Assert.Contains("&lt;kegiatan&gt; di Semarang</ins>", changes);
        Assert.Contains("kegiatan</del>", changes);
        Assert.DoesNotContain("<kegiatan>", changes);
        Assert.Contains("[+<kegiatan> di Semarang]", mail.TextBody);
        Assert.Contains("[-berita]", mail.TextBody);

        var page = await system.Host.Http.GetStringAsync(second + "?lang=en");
        Assert.Contains("What changed since round 1", page);
        Assert.Contains(">&lt;kegiatan&gt; di Semarang</ins>", page);
        Assert.Contains(">kegiatan</del>", page);
        Assert.Contains(">berita</del>", page);
        Assert.DoesNotContain("<kegiatan>", page);
        using var kept = await system.StatusAsync(id);
        Assert.Equal(1, system.Submissions.Query<TableEntity>(e => e.PartitionKey == id).Count(e => e.RowKey.StartsWith("round-")));
    }
}
