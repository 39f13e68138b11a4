using System.Text.Json.Nodes;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.DurableTask.Client;

namespace Humas.Workflow.Tests.Orchestration;

/// <summary>
/// Reminders, escalation to the backup, approval policies, four-eyes and withdrawal, on the in-process
/// engine with timers in seconds. The profile routes approval by content type: news to any one of two
/// approvers, articles to all three, videos in sequence.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class HumanInteractionTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string ReviewerBackup = "wakil.redaksi@bbpmp-jateng.example";
    private const string Kabag = "kabag.umum@bbpmp-jateng.example";
    private const string KabagBackup = "plh.kabag.umum@bbpmp-jateng.example";
    private const string Pdm07 = "ketua.pdm07@bbpmp-jateng.example";
    private const string Head = "kepala@bbpmp-jateng.example";
    private WorkflowHost host = null!;

    public async Task InitializeAsync()
    {
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "functions", "Humas.Workflow", "Profiles", "bbpmp-jateng.json")))!;
        profile["approvalByContentType"] = new JsonObject
        {
            ["news"] = new JsonObject { ["deciders"] = new JsonArray("kabag-umum", "pdm07-lead"), ["policy"] = "any" },
            ["article"] = new JsonObject { ["deciders"] = new JsonArray("kabag-umum", "pdm07-lead", "head"), ["policy"] = "all" },
            ["video"] = new JsonObject { ["deciders"] = new JsonArray("kabag-umum", "head"), ["policy"] = "sequence" },
        };
        var path = Path.Combine(Directory.CreateTempSubdirectory("humas-profile-").FullName, "policies.json");
        await File.WriteAllTextAsync(path, profile.ToJsonString());
        host = await WorkflowHost.StartAsync(fixture, new Dictionary<string, string?> { ["Humas:Profile"] = path });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<ReceivedMail> MailAsync(string to, string title, string subjectPart, int seconds = 20) =>
        fixture.Smtp.WaitForMessageAsync(m => m.IsFor(to) && m.Subject.Contains(title) && m.Subject.Contains(subjectPart), TimeSpan.FromSeconds(seconds));

    private bool Received(string to, string title, string subjectPart = "") =>
        fixture.Smtp.Messages.Any(m => m.IsFor(to) && m.Subject.Contains(title) && m.Subject.Contains(subjectPart));

    private async Task<List<HistoryEntry>> HistoryAsync(string id) => [.. await host.Store.GetHistoryAsync(id)];

    private async Task ApproveReviewAsync(string id)
    {
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await host.WaitForStageAsync(id, Stage.Approval, 1);
    }

    [Fact]
    public async Task A_reminder_repeats_the_same_link_and_a_decision_after_it_still_counts()
    {
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content, WorkflowHost.Timings(review: 30, reminder: 2));
        var first = await MailAsync(Reviewer, content.Title, "Mohon tinjau");
        var reminder = await MailAsync(Reviewer, content.Title, "Pengingat");
        Assert.Equal(first.Link("/act/"), reminder.Link("/act/"));

        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await host.WaitForStageAsync(id, Stage.Approval, 1);
        var events = (await HistoryAsync(id)).Select(h => h.Event.ToString()).ToList();
        Assert.Equal(["Submitted", "ReviewRequested", "ReviewReminder", "ReviewAccepted", "ApprovalRequested"], events);
    }

    [Fact]
    public async Task After_escalation_the_backup_decides_on_behalf_of_the_reviewer_and_the_history_says_so()
    {
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content, WorkflowHost.Timings(review: 30, escalate: 2));
        var escalation = await MailAsync(ReviewerBackup, content.Title, "Eskalasi");
        Assert.Contains("Redaktur Humas", escalation.Subject);
        var waiting = await host.Store.GetAsync(id);
        Assert.Contains(waiting!.WaitingFor, w => w.Contains("a.n. Redaktur Humas"));

        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept, person: "reviewer-backup", onBehalfOf: "reviewer");
        await host.WaitForStageAsync(id, Stage.Approval, 1);
        var accepted = (await HistoryAsync(id)).Single(h => h.Event == HistoryEvent.ReviewAccepted);
        Assert.Equal("reviewer-backup", accepted.Actor);
        Assert.Equal("reviewer", accepted.OnBehalfOf);
        Assert.Contains(await HistoryAsync(id), h => h.Event == HistoryEvent.ReviewEscalated && h.Actor == "Wakil Redaktur Humas" && h.OnBehalfOf == "Redaktur Humas");
    }

    [Fact]
    public async Task A_stage_nobody_decides_is_reminded_escalated_then_expires_and_the_workflow_ends()
    {
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content, WorkflowHost.Timings(review: 10, reminder: 1, escalate: 4));
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(SubmissionStatus.Expired, end.ReadOutputAs<SubmissionStatus>());
        Assert.Equal(["Submitted", "ReviewRequested", "ReviewReminder", "ReviewEscalated", "ReviewExpired"],
            (await HistoryAsync(id)).Select(h => h.Event.ToString()));
        await MailAsync(content.SubmitterEmail, content.Title, "kedaluwarsa");
    }

    [Fact]
    public async Task A_decision_cancels_the_reminder_and_escalation_timers()
    {
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content, WorkflowHost.Timings(review: 30, approval: 30, reminder: 3, escalate: 4));
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Reject, "Tidak relevan");
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        // The outcome is the workflow's last mail: a reminder or an escalation would have been sent before it, and an
        // ended workflow sends nothing more.
        await MailAsync(content.SubmitterEmail, content.Title, "ditolak");
        Assert.DoesNotContain(await HistoryAsync(id), h => h.Event is HistoryEvent.ReviewReminder or HistoryEvent.ReviewEscalated);
        Assert.False(Received(Reviewer, content.Title, "Pengingat"));
        Assert.False(Received(ReviewerBackup, content.Title));
    }

    [Fact]
    public async Task Under_any_one_policy_the_first_approver_decides_and_a_later_answer_is_ignored()
    {
        var content = WorkflowHost.Content() with { ContentType = "news" };
        var id = await host.SubmitAsync(content);
        await ApproveReviewAsync(id);
        await MailAsync(Kabag, content.Title, "Mohon persetujuan");
        await MailAsync(Pdm07, content.Title, "Mohon persetujuan");
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve, person: "pdm07-lead");
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Reject, "terlambat", person: "kabag-umum");
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        Assert.Equal("pdm07-lead", (await HistoryAsync(id)).Single(h => h.Event == HistoryEvent.Approved).Actor);
    }

    [Fact]
    public async Task Under_all_policy_every_approver_must_approve_and_each_response_is_recorded()
    {
        var content = WorkflowHost.Content() with { ContentType = "article" };
        var id = await host.SubmitAsync(content);
        await ApproveReviewAsync(id);
        foreach (var to in new[] { Kabag, Pdm07, Head }) await MailAsync(to, content.Title, "Mohon persetujuan");
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve, person: "head");
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve, person: "kabag-umum");
        var midway = await host.WaitForStageAsync(id, Stage.Approval, 1);
        await WaitUntilAsync(async () => (await host.Store.GetAsync(id))!.Responses.Count == 2);
        Assert.Equal(["Ketua Tim PDM-07"], (await host.Store.GetAsync(id))!.WaitingFor);
        Assert.Equal(DecisionPolicy.All, midway.Policy);

        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve, person: "pdm07-lead");
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        var history = await HistoryAsync(id);
        Assert.Equal(["head", "kabag-umum", "pdm07-lead"], history.Where(h => h.Event == HistoryEvent.ApprovalResponse).Select(h => h.Actor));
    }

    [Fact]
    public async Task Under_all_policy_a_rejection_midway_ends_it_without_waiting_for_the_rest()
    {
        var content = WorkflowHost.Content() with { ContentType = "article" };
        var id = await host.SubmitAsync(content);
        await ApproveReviewAsync(id);
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve, person: "kabag-umum");
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Reject, "Data belum valid", person: "head");
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Rejected, end.ReadOutputAs<SubmissionStatus>());
        Assert.Empty(await host.Store.GetMarkersAsync<PublicationRecord>(id, "publication-"));
        Assert.Equal(2, (await HistoryAsync(id)).Count(h => h.Event == HistoryEvent.ApprovalResponse));
    }

    [Fact]
    public async Task Under_sequence_policy_the_next_approver_is_asked_only_after_the_previous_approved()
    {
        var content = WorkflowHost.Content() with { ContentType = "video" };
        var id = await host.SubmitAsync(content);
        await ApproveReviewAsync(id);
        await MailAsync(Kabag, content.Title, "Mohon persetujuan");
        // The request that mailed the first approver recorded whom it asked before mailing: the second is asked by
        // another request, which only the first one's answer starts.
        Assert.Equal(["kabag-umum"], (await host.Store.GetAsync(id))!.Awaiting);
        Assert.False(Received(Head, content.Title));

        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve, person: "kabag-umum");
        await MailAsync(Head, content.Title, "Mohon persetujuan");
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve, person: "head");
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
    }

    [Fact]
    public async Task Under_sequence_policy_a_rejection_by_the_first_never_reaches_the_second()
    {
        var content = WorkflowHost.Content() with { ContentType = "video" };
        var id = await host.SubmitAsync(content);
        await ApproveReviewAsync(id);
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Reject, "Kualitas video kurang", person: "kabag-umum");
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Rejected, end.ReadOutputAs<SubmissionStatus>());
        Assert.False(Received(Head, content.Title));
    }

    [Fact]
    public async Task A_submitter_on_the_approver_list_is_skipped_and_never_asked()
    {
        var content = WorkflowHost.Content(submitter: Kabag) with { ContentType = "news" };
        var id = await host.SubmitAsync(content);
        await ApproveReviewAsync(id);
        await MailAsync(Pdm07, content.Title, "Mohon persetujuan");
        var waiting = await host.Store.GetAsync(id);
        Assert.Equal(["pdm07-lead"], waiting!.Awaiting);
        Assert.False(Received(Kabag, content.Title, "Mohon persetujuan"));
    }

    [Fact]
    public async Task A_submitter_who_is_the_only_approver_is_replaced_by_their_backup()
    {
        var content = WorkflowHost.Content(submitter: Kabag) with { ContentType = "photo" };
        var id = await host.SubmitAsync(content);
        await ApproveReviewAsync(id);
        await MailAsync(KabagBackup, content.Title, "Mohon persetujuan");
        Assert.Equal(["kabag-umum-backup"], (await host.Store.GetAsync(id))!.Awaiting);
    }

    [Fact]
    public async Task A_reviewer_who_submits_is_reviewed_by_the_backup()
    {
        var content = WorkflowHost.Content(submitter: Reviewer);
        var id = await host.SubmitAsync(content);
        await MailAsync(ReviewerBackup, content.Title, "Mohon tinjau");
        Assert.Equal(["reviewer-backup"], (await host.WaitForStageAsync(id, Stage.Review, 1)).Awaiting);
    }

    [Theory]
    [InlineData(Stage.Review)]
    [InlineData(Stage.Approval)]
    public async Task Withdrawal_while_waiting_ends_the_workflow_and_nothing_is_published(Stage stage)
    {
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content);
        if (stage == Stage.Approval) await ApproveReviewAsync(id);
        else await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.Client.RaiseEventAsync(id, WorkflowEvents.Withdraw, new WithdrawalRequested("Ani", "Salah unggah", DateTimeOffset.UtcNow));

        var end = await host.WaitForEndAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(SubmissionStatus.Withdrawn, end.ReadOutputAs<SubmissionStatus>());
        var withdrawn = (await HistoryAsync(id)).Last();
        Assert.Equal(HistoryEvent.Withdrawn, withdrawn.Event);
        Assert.Equal("Salah unggah", withdrawn.Comment);
        Assert.Empty(await host.Store.GetMarkersAsync<PublicationRecord>(id, "publication-"));
        await MailAsync(content.SubmitterEmail, content.Title, "ditarik");
    }

    [Fact]
    public async Task Staff_can_publish_a_scheduled_item_now()
    {
        var id = await host.SubmitAsync(publishAt: DateTimeOffset.UtcNow.AddHours(5));
        await ApproveReviewAsync(id);
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve);
        await host.WaitForStatusAsync(id, SubmissionStatus.Scheduled);
        await host.Client.RaiseEventAsync(id, WorkflowEvents.ScheduleChanged, new ScheduleChanged(null, "staff", DateTimeOffset.UtcNow));
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
    }

    [Fact]
    public void Press_releases_get_the_shorter_deadlines_of_their_content_type()
    {
        var options = new Configuration.WorkflowOptions();
        var press = WorkflowStart.Timings(options, "press-release");
        var article = WorkflowStart.Timings(options, "article");
        Assert.Equal(TimeSpan.FromHours(4), press.Review);
        Assert.Equal(TimeSpan.FromDays(3), article.Review);
        Assert.True(press.ReminderAfter.Plain < press.EscalateAfter.Plain && press.EscalateAfter.Plain < press.Review.Plain);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition());
    }
}
