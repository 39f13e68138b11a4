using System.Net;
using Azure.Data.Tables;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>Reminders, escalation, withdrawal and revocation through the local host and a real SMTP server.</summary>
[Collection(SystemCollection.Name)]
public sealed class HumanInteractionTests(SystemFixture fixture) : IAsyncLifetime
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string ReviewerBackup = "wakil.redaksi@bbpmp-jateng.example";
    private RunningSystem system = null!;

    public async Task InitializeAsync() => system = await fixture.StartHostAsync(new Dictionary<string, string?>
    {
        ["Humas__Workflow__ReviewTimeout"] = "00:01:00",
        ["Humas__Workflow__ReminderAfter"] = "00:00:03",
        ["Humas__Workflow__EscalateAfter"] = "00:00:06",
    });

    public async Task DisposeAsync() => await system.DisposeAsync();

    [Fact]
    public async Task Reminder_and_escalation_emails_arrive_with_working_links_and_the_backup_decides_an()
    {
        var title = "Berita " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
        var first = await system.MailAsync(Reviewer, title, "Mohon tinjau");
        var reminder = await system.MailAsync(Reviewer, title, "Pengingat");
        Assert.Equal(RunningSystem.LinkIn(first, "act"), RunningSystem.LinkIn(reminder, "act"));
        Assert.Equal(HttpStatusCode.OK, (await system.Host.Http.GetAsync(RunningSystem.LinkIn(reminder, "act"))).StatusCode);

        var escalation = await system.MailAsync(ReviewerBackup, title, "Eskalasi");
        var page = await system.Host.Http.GetStringAsync(RunningSystem.LinkIn(escalation, "act"));
        Assert.Contains("Redaktur Humas", page);
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(escalation, "act"), "accept")).StatusCode);

        // Escalation added a decider: the original link now meets the decision already taken.
        var late = await system.DecideAsync(RunningSystem.LinkIn(first, "act"), "reject", "terlambat");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Wakil Redaktur Humas", await late.Content.ReadAsStringAsync());

        using var status = await system.WaitForStatusAsync(id, "AwaitingApproval");
        var accepted = status.RootElement.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("event").GetString() == "ReviewAccepted");
        Assert.Equal("Wakil Redaktur Humas", accepted.GetProperty("actor").GetString());
        Assert.Equal("Redaktur Humas", accepted.GetProperty("onBehalfOf").GetString());
    }

    private string Snapshot(string id) => string.Join("\n",
        system.Submissions.Query<TableEntity>(e => e.PartitionKey == id).Select(e => $"{e.RowKey}:{e.ETag}"));

    [Fact]
    public async Task A_link_used_after_withdrawal_answers_the_withdrawn_page_and_changes_nothing()
    {
        var title = "Berita " + Guid.NewGuid().ToString("N")[..8];
        var (id, tracking) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
        var link = RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act");

        var trackingPage = await system.Host.Http.GetStringAsync(tracking);
        Assert.Contains("value=\"withdraw\"", trackingPage);
        var withdraw = await system.Host.Http.PostAsync(tracking, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "withdraw", ["reason"] = "Salah unggah",
        }));
        Assert.Equal(HttpStatusCode.Accepted, withdraw.StatusCode);
        await system.WaitForStatusAsync(id, "Withdrawn");
        Assert.Equal("Completed", await system.WaitForWorkflowEndAsync(id));
        await system.MailAsync("ani@example.org", title, "ditarik");

        var before = Snapshot(id);
        var show = await system.Host.Http.GetAsync(link);
        Assert.Contains("Withdrawn", await show.Content.ReadAsStringAsync());
        var decide = await system.DecideAsync(link, "accept");
        Assert.Equal(HttpStatusCode.Conflict, decide.StatusCode);
        Assert.Contains("Ditarik", await decide.Content.ReadAsStringAsync());
        Assert.Equal(before, Snapshot(id));

        var again = await system.Host.Http.PostAsync(tracking, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "withdraw" }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain(title, await system.Host.Http.GetStringAsync("/published"));
    }

    [Fact]
    public async Task Staff_can_revoke_outstanding_links()
    {
        var title = "Berita " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
        var link = RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act");

        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Host.Http.PostAsync($"/api/submissions/{id}/revoke-links", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.Host.AdminHttp.PostAsync($"/api/submissions/{id}/revoke-links", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await system.Host.Http.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await system.DecideAsync(link, "accept")).StatusCode);
        Assert.Equal("InReview", (await system.StatusAsync(id)).RootElement.GetProperty("status").GetString());

        // The escalation issues a new link after the revocation, and that one works.
        var escalation = await system.MailAsync(ReviewerBackup, title, "Eskalasi");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(RunningSystem.LinkIn(escalation, "act"), "accept")).StatusCode);
        await system.WaitForStatusAsync(id, "AwaitingApproval");
    }
}
