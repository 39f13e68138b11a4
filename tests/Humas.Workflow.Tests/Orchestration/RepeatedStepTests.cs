using Humas.Workflow.Decisions;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Profiles;
using Humas.Workflow.Revision;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Staff;
using Humas.Workflow.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Orchestration;

/// <summary>
/// The engine delivers an activity at least once, and a late copy of an older one may arrive after the next: a step is
/// applied once, over the one load-apply-save path every activity takes.
/// </summary>
public sealed class RepeatedStepTests(WorkflowFixture fixture) : StaffServicesTests(fixture)
{
    private static readonly Assignee Kabag = new("kabag-umum", "Kepala Bagian Umum", "kabag.umum@bbpmp-jateng.example");
    private static readonly Assignee Lead = new("pdm07-lead", "Ketua Tim PDM-07", "pdm07@bbpmp-jateng.example");

    private T Activity<T>() where T : ITaskActivity => ActivatorUtilities.CreateInstance<T>(staff.Services);

    private Task<Submission> ApplyAsync(string id, int step, Func<Submission, SubmissionChange> apply) =>
        staff.Store.ApplyAsync(id, step, apply);

    /// <summary>A submission whose approval, under "all", waits for two approvers (step 1).</summary>
    private async Task<Submission> AwaitingTwoApproversAsync(string title)
    {
        var s = await staff.AddAsync(title, DateTimeOffset.UtcNow, state: s => s with { Status = SubmissionStatus.InReview });
        var at = DateTimeOffset.UtcNow;
        return await ApplyAsync(s.Id, 1, x => x.StartStage(Stage.Approval, 1, at, at.AddDays(3), DecisionPolicy.All, [Kabag, Lead]));
    }

    [Fact]
    public async Task A_response_delivered_twice_is_counted_once()
    {
        var s = await AwaitingTwoApproversAsync("Dua penyetuju");
        var response = new ResponseInput(s.Id, 2,
            new DecisionMade(Stage.Approval, 1, DecisionValues.Approve, null, "kabag-umum", "Kepala Bagian Umum", DateTimeOffset.UtcNow),
            ["Ketua Tim PDM-07"]);

        await Activity<RecordResponse>().RunAsync(new ActivityRun(s.Id), response);
        await Activity<RecordResponse>().RunAsync(new ActivityRun(s.Id), response);

        var stored = (await staff.Store.GetAsync(s.Id))!;
        Assert.Single(stored.Responses);
        Assert.Equal(["pdm07-lead"], stored.Awaiting);
        Assert.Equal(2, stored.LastStep);
        Assert.Equal([HistoryEvent.Submitted, HistoryEvent.ApprovalRequested, HistoryEvent.ApprovalResponse],
            (await staff.Store.GetHistoryAsync(s.Id)).Select(h => h.Event));
    }

    [Fact]
    public async Task A_late_copy_of_a_revision_does_not_take_the_record_back_from_the_next_review()
    {
        var s = await staff.AddAsync("Revisi terlambat", DateTimeOffset.UtcNow, state: s => s with { Status = SubmissionStatus.RevisionRequested });
        var revision = new RevisionInput(s.Id, 1, new RevisionSubmitted(1, "Judul revisi", null, "Isi revisi", "Sudah", DateTimeOffset.UtcNow));
        await Activity<ApplyRevision>().RunAsync(new ActivityRun(s.Id), revision);
        var at = DateTimeOffset.UtcNow;
        await ApplyAsync(s.Id, 2, x => x.StartStage(Stage.Review, 2, at, at.AddDays(3), DecisionPolicy.Any, [Kabag]));

        await Activity<ApplyRevision>().RunAsync(new ActivityRun(s.Id), revision);

        var stored = (await staff.Store.GetAsync(s.Id))!;
        Assert.Equal((SubmissionStatus.InReview, Stage.Review, 2, 2), (stored.Status, stored.WaitingStage!.Value, stored.Round, stored.LastStep));
        Assert.Equal("Judul revisi", stored.Content.Title);
        var history = await staff.Store.GetHistoryAsync(s.Id);
        Assert.Equal([HistoryEvent.Submitted, HistoryEvent.Revised, HistoryEvent.ReviewRequested], history.Select(h => h.Event));
    }

    [Fact]
    public async Task A_step_applied_already_is_answered_as_stored_without_asking_the_rules_again()
    {
        var s = await AwaitingTwoApproversAsync("Sudah diterapkan");
        var applied = 0;
        var again = await ApplyAsync(s.Id, 1, x =>
        {
            applied++;
            return x.Reject(DateTimeOffset.UtcNow, new ActedBy("Kepala Bagian Umum"));
        });
        Assert.Equal(0, applied);
        Assert.Equal((SubmissionStatus.AwaitingApproval, 1, s.UpdatedAt), (again.Status, again.LastStep, again.UpdatedAt));
        Assert.Equal(s.Awaiting, again.Awaiting);
    }

    [Fact]
    public async Task A_refused_transition_writes_nothing()
    {
        var s = await staff.AddAsync("Belum ditinjau", DateTimeOffset.UtcNow);
        var approval = new Transition(s.Id, 1, DateTimeOffset.UtcNow, SubmissionStatus.Approved, "Approved", "Kepala Bagian Umum", Decision: DecisionValues.Approve);

        await Assert.ThrowsAsync<TransitionRefused>(() => Activity<RecordTransition>().RunAsync(new ActivityRun(s.Id), approval));

        var stored = (await staff.Store.GetAsync(s.Id))!;
        Assert.Equal((SubmissionStatus.Submitted, 0), (stored.Status, stored.LastStep));
        Assert.Single(await staff.Store.GetHistoryAsync(s.Id));
    }

    [Fact]
    public async Task A_change_from_outside_the_workflow_is_numbered_after_the_last_step()
    {
        var s = await AwaitingTwoApproversAsync("Ditutup staf");
        var (failed, failedAt) = await staff.Store.ApplyNextAsync(s.Id, x => x.Fail(DateTimeOffset.UtcNow));
        var (closed, closedAt) = await staff.Store.ApplyNextAsync(s.Id, x => x.Close(DateTimeOffset.UtcNow, "Duplikat"));

        Assert.Equal((2, 3), (failedAt, closedAt));
        Assert.Equal((SubmissionStatus.WorkflowFailed, 2), (failed.Status, failed.LastStep));
        Assert.Equal((SubmissionStatus.Closed, 3), (closed.Status, closed.LastStep));
        var history = await staff.Store.GetHistoryAsync(s.Id);
        Assert.Equal([0, 1, 2, 3], history.Select(h => h.Step));
        Assert.Equal(("Duplikat", Submission.ClosedBy), (history[^1].Comment, history[^1].Actor));
    }
}
