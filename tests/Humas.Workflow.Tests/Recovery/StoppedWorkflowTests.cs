using Humas.Integration.Tests.Infrastructure;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Orchestrator;
using Humas.Workflow.Recovery;
using Humas.Workflow.Submissions;
using Humas.Workflow.Tests.Support;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Workflow.Tests.Recovery;

/// <summary>A workflow that stops is told about and can go on from where it stopped; versions it does not know fail loudly.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class StoppedWorkflowTests(WorkflowFixture fixture) : IAsyncLifetime
{
    private const string HumasTeam = "humas@bbpmp-jateng.example";
    private WorkflowHost host = null!;

    public async Task InitializeAsync() => host = await WorkflowHost.StartAsync(fixture);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private WorkflowFailures Failures => host.Services.GetRequiredService<WorkflowFailures>();

    private async Task<string> StopWhileAwaitingApprovalAsync(SubmissionContent content)
    {
        var id = await host.SubmitAsync(content);
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        await host.WaitForStageAsync(id, Stage.Approval, 1);
        await TerminateAsync(id);
        return id;
    }

    private async Task TerminateAsync(string id)
    {
        // The stage's mails are the last thing its opening does. The test host hands a late answer of a terminated run's
        // activity to the run started under the same id (the engine over Azure Storage tells executions apart), so the
        // opening must be over first.
        var waiting = (await host.Store.GetAsync(id))!;
        var asks = waiting.WaitingStage == Stage.Review ? "Mohon tinjau" : "Mohon persetujuan";
        await fixture.Smtp.WaitForMessageAsync(m => m.Subject.Contains(waiting.Content.Title) && m.Subject.Contains(asks), TimeSpan.FromSeconds(20));
        await host.Client.TerminateInstanceAsync(id, "operator test");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ended = await host.Client.WaitForInstanceCompletionAsync(id, cts.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, ended.RuntimeStatus);
    }

    /// <summary>Starts the workflow again where staff's restart would, after the steps the record has reached.</summary>
    private async Task RestartAsync(string id, ResumePoint at)
    {
        var record = await host.Store.GetAsync(id);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SubmissionWorkflow),
            WorkflowHost.Input(id, resume: new WorkflowResume(at, 1, record!.LastStep)), new StartOrchestrationOptions(id));
    }

    [Fact]
    public async Task A_terminated_workflow_is_marked_on_the_record_and_mailed_to_the_Humas_team_once()
    {
        var content = WorkflowHost.Content();
        var id = await StopWhileAwaitingApprovalAsync(content);

        var stopped = await Failures.FindAsync(host.Client);
        Assert.Contains(stopped, w => w.SubmissionId == id && w.RuntimeStatus == "Terminated");
        await Failures.NoticeAllAsync(host.Client);
        await Failures.NoticeAllAsync(host.Client); // a second round finds it marked and mails nothing more

        var record = await host.Store.GetAsync(id);
        Assert.Equal(SubmissionStatus.WorkflowFailed, record!.Status);
        Assert.Equal(SubmissionStatus.AwaitingApproval, record.FailedFrom);
        Assert.Null(record.WaitingStage);
        Assert.Equal(HistoryEvent.WorkflowFailed, (await host.Store.GetHistoryAsync(id))[^1].Event);
        var mail = await fixture.Smtp.WaitForMessageAsync(m => m.IsFor(HumasTeam) && m.Subject.Contains("Workflow stopped") && m.Subject.Contains(content.Title),
            TimeSpan.FromSeconds(20));
        Assert.Contains(id, mail.TextBody);
        Assert.Contains($"/api/submissions/{id}/restart", mail.TextBody);
        Assert.Single(fixture.Smtp.Messages, m => m.IsFor(HumasTeam) && m.Subject.Contains("Workflow stopped") && m.Subject.Contains(content.Title));
    }

    [Fact]
    public async Task A_workflow_restarted_at_approval_asks_the_approver_again_and_publishes_without_a_second_review()
    {
        var content = WorkflowHost.Content();
        var id = await StopWhileAwaitingApprovalAsync(content);
        await Failures.NoticeAllAsync(host.Client);
        var failed = await host.Store.GetAsync(id);
        await RestartAsync(id, ResumePoint.Approval);
        var waiting = await host.WaitForStatusAsync(id, SubmissionStatus.AwaitingApproval);
        Assert.Equal(Stage.Approval, (await host.WaitForStageAsync(id, Stage.Approval, 1)).WaitingStage);
        await host.DecideAsync(id, Stage.Approval, 1, DecisionValues.Approve);

        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        var history = await host.Store.GetHistoryAsync(id);
        Assert.Single(history, h => h.Event == HistoryEvent.ReviewRequested);
        Assert.Equal(2, history.Count(h => h.Event == HistoryEvent.ApprovalRequested));
        // Steps go on from the failed run's, so no history row is written over.
        Assert.Equal(history.Select(h => h.Step).Distinct().Count(), history.Count);
        Assert.True(waiting.LastStep >= failed!.LastStep);
    }

    [Fact]
    public async Task A_workflow_restarted_at_the_revision_waits_for_the_submitter_then_reviews_the_next_round()
    {
        var id = await host.SubmitAsync();
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await TerminateAsync(id);
        await RestartAsync(id, ResumePoint.Revision);
        await host.WaitForStageAsync(id, Stage.Revision, 1);
        await host.Client.RaiseEventAsync(id, WorkflowEvents.For(Stage.Revision, 1),
            new RevisionSubmitted(1, "Judul baru", null, null, null, DateTimeOffset.UtcNow));
        await host.WaitForStageAsync(id, Stage.Review, 2);
        Assert.Equal("Judul baru", (await host.Store.GetAsync(id))!.Content.Title);
    }

    [Fact]
    public async Task A_workflow_restarted_at_publication_publishes_at_once()
    {
        var id = await host.SubmitAsync(publishAt: DateTimeOffset.UtcNow.AddDays(30));
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await TerminateAsync(id);
        await RestartAsync(id, ResumePoint.Publication);
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(SubmissionStatus.Published, end.ReadOutputAs<SubmissionStatus>());
        Assert.DoesNotContain(await host.Store.GetHistoryAsync(id), h => h.Event == HistoryEvent.Scheduled);
    }

    [Fact]
    public async Task A_workflow_that_breaks_on_the_decision_that_wakes_it_is_seen_before_the_decider_is_answered()
    {
        await using var breaking = await TestHosts.StartAsync(registry => registry.AddOrchestrator<BreaksWhenWoken>(),
            new DurableTaskTestHostOptions { ConfigureServices = services => services.AddHumasWorkflow(WorkflowHost.Settings(fixture)) });
        var id = await host.SubmitAsync(); // a record to mark; its own workflow is not the one that breaks
        await host.WaitForStageAsync(id, Stage.Review, 1);
        await breaking.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BreaksWhenWoken), "Approval-1", new StartOrchestrationOptions(id));
        await breaking.Client.WaitForInstanceStartAsync(id);
        var failures = breaking.Services.GetRequiredService<WorkflowFailures>();
        Assert.False(await failures.HasStoppedAsync(breaking.Client, (await host.Store.GetAsync(id))!));

        var raisedAt = DateTimeOffset.UtcNow;
        await breaking.Client.RaiseEventAsync(id, "Approval-1", "approve");
        Assert.True(await failures.StoppedAfterAsync(breaking.Client, id, raisedAt));
        Assert.Equal(SubmissionStatus.WorkflowFailed, (await host.Store.GetAsync(id))!.Status);
    }

    [Fact]
    public async Task A_healthy_workflow_that_takes_the_decision_in_is_not_taken_for_stopped()
    {
        var id = await host.SubmitAsync();
        await host.WaitForStageAsync(id, Stage.Review, 1);
        var raisedAt = DateTimeOffset.UtcNow;
        await host.DecideAsync(id, Stage.Review, 1, DecisionValues.Accept);
        Assert.False(await Failures.StoppedAfterAsync(host.Client, id, raisedAt));
        Assert.True((await host.Client.GetInstanceAsync(id))!.LastUpdatedAt >= raisedAt);
    }

    [Fact]
    public async Task An_instance_of_a_newer_workflow_version_fails_instead_of_running_a_path_it_does_not_have()
    {
        var id = await host.SubmitAsync(version: WorkflowVersions.Current + 1);
        var end = await host.WaitForEndAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, end.RuntimeStatus);
        Assert.Contains($"version {WorkflowVersions.Current + 1}", end.FailureDetails!.ErrorMessage);
    }
}
