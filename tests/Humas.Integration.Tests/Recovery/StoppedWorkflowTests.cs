using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.Integration.Tests.EndToEnd;

namespace Humas.Integration.Tests.Recovery;

/// <summary>
/// A workflow stopped behind the system's back (terminated with the engine's client) is never silent: health counts it,
/// the Humas team is mailed, record and tracking page say so, a decision link answers that it stopped; staff restart or
/// close it over HTTP.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StoppedWorkflowTests(SystemFixture fixture) : IAsyncLifetime
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string Approver = "kabag.umum@bbpmp-jateng.example";
    private const string HumasTeam = "humas@bbpmp-jateng.example";
    private RunningSystem system = null!;

    public async Task InitializeAsync() => system = await fixture.StartHostAsync(new Dictionary<string, string?>
    {
        ["Humas__Workflow__FailureCheckInterval"] = "00:00:01",
    });

    public async Task DisposeAsync() => await system.DisposeAsync();

    private async Task<(string Id, string Title, string Tracking, string ApprovalLink)> StopWhileAwaitingApprovalAsync()
    {
        var title = "Berita " + Guid.NewGuid().ToString("N")[..8];
        var (id, tracking) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
        var review = RunningSystem.LinkIn(await system.MailAsync(Reviewer, title, "Mohon tinjau"), "act");
        Assert.Equal(HttpStatusCode.OK, (await system.DecideAsync(review, "accept")).StatusCode);
        var approval = RunningSystem.LinkIn(await system.MailAsync(Approver, title, "Mohon persetujuan"), "act");
        await system.TerminateWorkflowAsync(id, "stopped by a test");
        Assert.Equal("Terminated", await system.WaitForWorkflowEndAsync(id));
        return (id, title, tracking, approval);
    }

    private async Task<JsonElement> HealthAsync(HttpStatusCode expected)
    {
        var response = await system.Host.Http.GetAsync("/api/health");
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task A_stopped_workflow_is_reported_everywhere_and_goes_on_from_approval_when_staff_restart_it()
    {
        var (id, title, tracking, approval) = await StopWhileAwaitingApprovalAsync();

        var health = await HealthAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(1, health.GetProperty("failedWorkflows").GetInt32());
        Assert.Equal("failing", health.GetProperty("status").GetString());
        var mail = await system.MailAsync(HumasTeam, title, "Workflow stopped");
        Assert.Contains(id, mail.TextBody);
        using (var record = await system.WaitForStatusAsync(id, "WorkflowFailed"))
            Assert.Equal("AwaitingApproval", record.RootElement.GetProperty("failedFrom").GetString());
        var page = await system.Host.Http.GetStringAsync(tracking);
        Assert.Contains("Terhenti karena gangguan sistem", page);
        Assert.DoesNotContain("Menunggu persetujuan", page);

        var refused = await system.DecideAsync(approval, "approve");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Alur kerja pengajuan ini terhenti", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Host.Http.PostAsync($"/api/submissions/{id}/restart", null)).StatusCode);
        var restart = await system.Host.AdminHttp.PostAsync($"/api/submissions/{id}/restart", null);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        Assert.Equal("Approval", (await restart.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resumeAt").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await system.Host.AdminHttp.PostAsync($"/api/submissions/{id}/restart", null)).StatusCode);

        // The link mailed before the failure decides the restarted stage.
        await system.WaitForStatusAsync(id, "AwaitingApproval");
        await system.MailAsync(Approver, title, "Mohon persetujuan"); // asked again, with a fresh link
        var until = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage decided;
        while ((decided = await system.DecideAsync(approval, "approve")).StatusCode == HttpStatusCode.Conflict && DateTime.UtcNow < until)
            await Task.Delay(250); // until the restarted workflow has asked the approver again
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        await system.WaitForStatusAsync(id, "Published");
        Assert.Equal("Completed", await system.WaitForWorkflowEndAsync(id));
        Assert.Equal(0, (await HealthAsync(HttpStatusCode.OK)).GetProperty("failedWorkflows").GetInt32());
        Assert.Single(system.Smtp.Messages, m => m.IsFor("ani@example.org") && m.Subject.Contains(title) && m.Subject.Contains("telah terbit"));
        Assert.Single(system.Smtp.Messages, m => m.IsFor(HumasTeam) && m.Subject.Contains(title) && m.Subject.Contains("Workflow stopped"));
    }

    [Fact]
    public async Task Staff_close_a_stopped_workflow_with_a_reason_and_the_submitter_is_told()
    {
        var (id, title, tracking, _) = await StopWhileAwaitingApprovalAsync();
        await system.WaitForStatusAsync(id, "WorkflowFailed");

        var noReason = await system.Host.AdminHttp.PostAsJsonAsync($"/api/submissions/{id}/close", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync());
        var close = await system.Host.AdminHttp.PostAsJsonAsync($"/api/submissions/{id}/close", new { reason = "Acara dibatalkan" });
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);

        using (var record = await system.WaitForStatusAsync(id, "Closed"))
            Assert.Contains(record.RootElement.GetProperty("history").EnumerateArray(),
                h => h.GetProperty("event").GetString() == "Closed" && h.GetProperty("comment").GetString() == "Acara dibatalkan");
        await system.MailAsync("ani@example.org", title, "ditutup");
        Assert.Contains("Ditutup oleh tim Humas", await system.Host.Http.GetStringAsync(tracking));
        Assert.Equal(0, (await HealthAsync(HttpStatusCode.OK)).GetProperty("failedWorkflows").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await system.Host.AdminHttp.PostAsync($"/api/submissions/{id}/restart", null)).StatusCode);
    }

    [Fact]
    public async Task A_running_workflow_cannot_be_restarted_or_closed()
    {
        var title = "Berita " + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await system.SubmitAsync(RunningSystem.Form(RunningSystem.Fields(title)));
        await system.MailAsync(Reviewer, title, "Mohon tinjau");
        Assert.Equal(HttpStatusCode.Conflict, (await system.Host.AdminHttp.PostAsync($"/api/submissions/{id}/restart", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await system.Host.AdminHttp.PostAsJsonAsync($"/api/submissions/{id}/close", new { reason = "Salah" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await system.Host.AdminHttp.PostAsync("/api/submissions/20260101-00000000/restart", null)).StatusCode);
        using var record = await system.StatusAsync(id);
        Assert.Equal("InReview", record.RootElement.GetProperty("status").GetString());
    }
}
