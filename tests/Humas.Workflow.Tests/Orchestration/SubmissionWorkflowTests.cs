using Azure.Data.Tables;
using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Orchestration;

/// <summary>Every branch of the submission workflow, with the real activities, timers in seconds.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class SubmissionWorkflowTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    private const string InternalApprover = "kabag.umum@bbpmp-jateng.example";
    private const string ExternalApprover = "ketua.pdm07@bbpmp-jateng.example";
    private WorkflowHost host = null!;

    public async Task InitializeAsync() => host = await WorkflowHost.StartAsync(fixture);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<ReceivedMail> MailAsync(string to, string title, string subjectPart) =>
        fixture.Smtp.WaitForMessageAsync(m => m.IsFor(to) && m.Subject.Contains(title) && m.Subject.Contains(subjectPart),
            TimeSpan.FromSeconds(20));

    [Fact]
    public async Task Accepted_and_approved_content_is_published_once_and_the_workflow_completes()
    {
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content);

        await host.WaitForStageAsync(id, Stage.Review, 1);
        var review = await MailAsync(Reviewer, content.Title, "Mohon tinjau");
        Assert.Contains(review.Links, l => l.StartsWith(WorkflowHost.BaseUrl + "/act/"));
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);

        var waiting = await host.WaitForStageAsync(id, Stage.Approval, 1);
        Assert.Equal(SubmissionStatus.AwaitingApproval, waiting.Status);
        Assert.Equal(["Kepala Bagian Umum"], waiting.WaitingFor);
        await MailAsync(InternalApprover, content.Title, "Mohon persetujuan");
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve, person: "kabag-umum");

        var end = await host.WaitForEndAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        var record = await host.Store.GetAsync(id);
        Assert.Equal(SubmissionStatus.Published, record!.Status);
        Assert.Null(record.WaitingStage);

        var history = await host.Store.GetHistoryAsync(id);
        Assert.Equal(
            ["Submitted", "ReviewRequested", "ReviewAccepted", "ApprovalRequested", "Approved", "Publishing", "Published"],
            history.Select(h => h.Event.ToString()));
        Assert.Equal(Enumerable.Range(0, history.Count), history.Select(h => h.Step));

        var publications = await host.Store.GetMarkersAsync<PublicationRecord>(id, "publication-");
        var website = Assert.Single(publications);
        Assert.Equal(PublicationStatus.Published, website.Status);
        var feed = host.Services.GetRequiredService<HumasStorage>().Table(HumasStorage.PublishedTable);
        Assert.Single(feed.Query<TableEntity>(e => e.PartitionKey == "website"), e => e.RowKey.EndsWith(id));

        await MailAsync(content.SubmitterEmail, content.Title, "disetujui");
        var published = await MailAsync(content.SubmitterEmail, content.Title, "telah terbit");
        Assert.Contains(published.Links, l => l.StartsWith(WorkflowHost.BaseUrl + "/track/"));
    }

    [Fact]
    public async Task External_track_goes_to_the_PDM07_lead_for_approval()
    {
        var content = WorkflowHost.Content(track: "external");
        var id = await host.SubmitAsync(content);
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await host.WaitForStageAsync(id, Stage.Approval, 1);
        await MailAsync(ExternalApprover, content.Title, "Mohon persetujuan");
        Assert.DoesNotContain(fixture.Smtp.Messages, m => m.IsFor(InternalApprover) && m.Subject.Contains(content.Title));
    }

    [Fact]
    public async Task A_rejection_in_review_ends_the_workflow_and_tells_the_submitter_why()
    {
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content);
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Reject, "Bukan untuk publikasi");

        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Rejected, end.ReadOutputAs<SubmissionStatus>());
        var mail = await MailAsync(content.SubmitterEmail, content.Title, "ditolak");
        Assert.Contains("Bukan untuk publikasi", mail.TextBody);
        Assert.Empty(await host.Store.GetMarkersAsync<PublicationRecord>(id, "publication-"));
    }

    [Fact]
    public async Task A_rejection_in_approval_ends_the_workflow_unpublished()
    {
        var id = await host.SubmitAsync();
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await host.WaitForStageAsync(id, Stage.Approval, 1);
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Reject, "Tidak sesuai kebijakan");

        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Rejected, end.ReadOutputAs<SubmissionStatus>());
        Assert.Empty(await host.Store.GetMarkersAsync<PublicationRecord>(id, "publication-"));
    }

    [Fact]
    public async Task A_revision_asked_in_review_goes_back_to_review_with_the_new_text()
    {
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content);
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Revise, "Tambahkan foto kegiatan");

        var waiting = await host.WaitForStageAsync(id, Stage.Revision, 1);
        Assert.Equal(SubmissionStatus.RevisionRequested, waiting.Status);
        var ask = await MailAsync(content.SubmitterEmail, content.Title, "Mohon revisi");
        Assert.Contains(ask.Links, l => l.StartsWith(WorkflowHost.BaseUrl + "/revise/"));
        Assert.Contains("Tambahkan foto kegiatan", ask.TextBody);

        await host.Client.RaiseEventAsync(id, WorkflowEvents.For(Stage.Revision, 1),
            new RevisionSubmitted(1, content.Title + " (revisi)", "Ringkasan baru", "Isi baru", "Sudah", DateTimeOffset.UtcNow));
        await host.WaitForStageAsync(id, Stage.Review, 2);
        var revised = await host.Store.GetAsync(id);
        Assert.Equal(content.Title + " (revisi)", revised!.Content.Title);
        Assert.Equal("Isi baru", revised.Content.Body);

        await host.DecideAsync(id, Stage.Review, 2, DecisionValues.Accept);
        await host.WaitForStageAsync(id, Stage.Approval, 2);
        await host.DecideAsync(id, Stage.Approval, 2, DecisionValues.Approve);
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        var events = (await host.Store.GetHistoryAsync(id)).Select(h => h.Event.ToString()).ToList();
        Assert.Equal(["Submitted", "ReviewRequested", "RevisionAsked", "RevisionRequested", "Revised", "ReviewRequested",
            "ReviewAccepted", "ApprovalRequested", "Approved", "Publishing", "Published"], events);
    }

    [Fact]
    public async Task A_revision_asked_in_approval_goes_back_through_review()
    {
        var content = WorkflowHost.Content();
        var id = await host.SubmitAsync(content);
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await host.WaitForStageAsync(id, Stage.Approval, 1);
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Revise, "Perbaiki judul");
        await host.WaitForStageAsync(id, Stage.Revision, 1);
        await host.Client.RaiseEventAsync(id, WorkflowEvents.For(Stage.Revision, 1),
            new RevisionSubmitted(1, "Judul baru", null, null, null, DateTimeOffset.UtcNow));
        await host.WaitForStageAsync(id, Stage.Review, 2);
        Assert.Equal("Judul baru", (await host.Store.GetAsync(id))!.Content.Title);
    }

    [Fact]
    public async Task A_decision_from_an_earlier_round_is_ignored()
    {
        var id = await host.SubmitAsync();
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Revise, "Revisi");
        await host.WaitForStageAsync(id, Stage.Revision, 1);
        await host.Client.RaiseEventAsync(id, WorkflowEvents.For(Stage.Revision, 1),
            new RevisionSubmitted(1, "Judul", null, null, null, DateTimeOffset.UtcNow));
        await host.WaitForStageAsync(id, Stage.Review, 2);

        // A stale round-1 link raises its event again: round 2 must keep waiting, so the round-2 rejection raised after
        // it is the answer that ends the workflow.
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await host.DecideAsync(id, Stage.Review, 2, DecisionValues.Reject, "Tetap ditolak");
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Rejected, end.ReadOutputAs<SubmissionStatus>());
        var history = await host.Store.GetHistoryAsync(id);
        Assert.DoesNotContain(history, h => h.Event is HistoryEvent.ReviewAccepted or HistoryEvent.ApprovalRequested);
        var s = await host.Store.GetAsync(id);
        Assert.Equal(2, s!.Round);
    }

    [Theory]
    [InlineData("review")]
    [InlineData("approval")]
    [InlineData("revision")]
    public async Task A_wait_that_runs_out_expires_the_submission_and_ends_the_workflow(string stage)
    {
        var content = WorkflowHost.Content();
        var timings = stage switch
        {
            "review" => WorkflowHost.Timings(review: 2),
            "approval" => WorkflowHost.Timings(approval: 2),
            _ => WorkflowHost.Timings(revision: 2),
        };
        var id = await host.SubmitAsync(content, timings);
        await host.WaitForStageAsync(id, Stage.Review, 1);
        if (stage == "approval") await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        if (stage == "revision") await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Revise, "Revisi");

        var end = await host.WaitForEndAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(SubmissionStatus.Expired, end.ReadOutputAs<SubmissionStatus>());
        var last = (await host.Store.GetHistoryAsync(id)).Last();
        Assert.Equal(stage switch { "review" => "ReviewExpired", "approval" => "ApprovalExpired", _ => "RevisionExpired" }, last.Event.ToString());
        await MailAsync(content.SubmitterEmail, content.Title, "kedaluwarsa");
    }

    [Fact]
    public async Task Approved_content_with_a_publish_time_waits_scheduled_then_publishes()
    {
        var publishAt = DateTimeOffset.UtcNow.AddSeconds(6);
        var id = await host.SubmitAsync(publishAt: publishAt);
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await host.WaitForStageAsync(id, Stage.Approval, 1);
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve);

        await host.WaitForStatusAsync(id, SubmissionStatus.Scheduled);
        Assert.Empty(await host.Store.GetMarkersAsync<PublicationRecord>(id, "publication-"));
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        var website = Assert.Single(await host.Store.GetMarkersAsync<PublicationRecord>(id, "publication-"));
        Assert.True(website.At >= publishAt.AddSeconds(-1), $"published at {website.At:O}, scheduled for {publishAt:O}");
    }

    [Fact]
    public async Task Channels_without_an_adapter_are_recorded_as_not_configured()
    {
        var id = await host.SubmitAsync(WorkflowHost.Content() with { Channels = ["website", "instagram"] });
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await host.WaitForStageAsync(id, Stage.Approval, 1);
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve);
        await host.WaitForEndAsync(id);
        var publications = await host.Store.GetMarkersAsync<PublicationRecord>(id, "publication-");
        Assert.Equal(PublicationStatus.NotConfigured, publications.Single(p => p.Channel == "instagram").Status);
        Assert.Equal(PublicationStatus.Published, publications.Single(p => p.Channel == "website").Status);
    }
}
