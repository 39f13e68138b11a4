using System.Net;
using Azure.Data.Tables;
using Humas.Workflow.Links;
using Humas.Workflow.Submissions;

namespace Humas.Integration.Tests.EndToEnd;

/// <summary>Decision links: a GET changes nothing, a POST decides once, and a bad link is refused.</summary>
[Collection(SystemCollection.Name)]
public sealed class DecisionLinkTests(SystemFixture fixture) : IAsyncLifetime
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private RunningSystem system = null!;

    public async Task InitializeAsync() => system = await fixture.StartHostAsync(new Dictionary<string, string?>
    {
        ["Humas__Workflow__ApprovalTimeout"] = "00:00:06",
    });

    public async Task DisposeAsync() => await system.DisposeAsync();

    private async Task<string> SnapshotAsync(string id)
    {
        var rows = system.Submissions.Query<TableEntity>(e => e.PartitionKey == id)
            .Select(e => $"{e.RowKey}:{e.ETag}:{e.GetString("Json")}");
        var instance = system.Instances.Query<TableEntity>(e => e.PartitionKey == id)
            .Select(e => $"{e.GetString("RuntimeStatus")}:{e.ETag}");
        await Task.CompletedTask;
        return string.Join("\n", rows.Concat(instance));
    }

    [Fact]
    public async Task Opening_a_decision_link_changes_nothing_and_a_used_link_answers_409()
    {
        var title = "Berita " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
        var link = RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act");
        await Task.Delay(1500); // let the engine settle its own rows before the snapshot

        var before = await SnapshotAsync(id);
        for (var i = 0; i < 3; i++)
        {
            var page = await system.Host.Http.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        await Task.Delay(1000);
        Assert.Equal(before, await SnapshotAsync(id));
        Assert.Equal("InReview", (await system.StatusAsync(id)).RootElement.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(link, "accept")).StatusCode);
        var again = await system.DecideAsync(link, "reject", "Berubah pikiran");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var body = await again.Content.ReadAsStringAsync();
        Assert.Contains("<strong data-decision=\"accept\">Terima</strong>", body);
        Assert.Contains("Redaktur Humas", body);

        // The second POST raised no event: the workflow went on to approval, not to rejection.
        using var status = await system.WaitForStatusAsync(id, "AwaitingApproval");
        var events = status.RootElement.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()).ToList();
        Assert.DoesNotContain("Rejected", events);
        Assert.Single(events, e => e == "ReviewAccepted");
    }

    [Fact]
    public async Task An_altered_link_answers_403_and_an_expired_one_410()
    {
        var title = "Berita " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
        var link = RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act");

        var token = link[(link.LastIndexOf('/') + 1)..];
        var altered = link[..(link.LastIndexOf('/') + 1)] + (token[0] == 'e' ? 'f' : 'e') + token[1..];
        Assert.Equal(HttpStatusCode.Forbidden, (await system.Host.Http.GetAsync(altered)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.DecideAsync(altered, "accept")).StatusCode);
        var truncated = link[..^3];
        Assert.Equal(HttpStatusCode.Forbidden, (await system.DecideAsync(truncated, "accept")).StatusCode);

        // The same binding with a deadline in the past, signed with the host's own key.
        var expired = system.Signer.Sign(new LinkToken(id, "act", Stage.Review, 1, "reviewer", Reviewer, DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.Gone, (await system.Host.Http.GetAsync($"/act/{expired}")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await system.DecideAsync($"{system.Host.BaseUrl}/act/{expired}", "accept")).StatusCode);

        // A tracking link is not a decision link, even when genuine.
        var tracking = system.Signer.Sign(new LinkToken(id, "track", null, 0, "submitter", "ani@example.org", DateTimeOffset.UtcNow.AddDays(1)));
        Assert.Equal(HttpStatusCode.Forbidden, (await system.DecideAsync($"{system.Host.BaseUrl}/act/{tracking}", "accept")).StatusCode);
        Assert.Equal("InReview", (await system.StatusAsync(id)).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_approval_wait_that_runs_out_expires_and_tells_the_submitter()
    {
        var title = "Berita " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
        await system.DecideAsync(RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act"), "accept");
        var approval = await system.MailAsync("kabag.umum@bbpmp-jateng.example", title, "Mohon persetujuan");

        await system.WaitForStatusAsync(id, "Expired", 40);
        await system.MailAsync("ani@example.org", title, "kedaluwarsa");
        Assert.Equal(HttpStatusCode.Gone, (await system.DecideAsync(RunningSystem.LinkIn(approval, "act"), "approve")).StatusCode);
        Assert.DoesNotContain(title, await system.Host.Http.GetStringAsync("/published"));
        Assert.Equal("Completed", await system.WaitForWorkflowEndAsync(id));
    }
}
