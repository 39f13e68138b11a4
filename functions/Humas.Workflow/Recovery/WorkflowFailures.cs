using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Recovery;

/// <summary>
/// Finds workflow instances that failed or were terminated, so that none is lost in silence: the record says so, the
/// Humas team gets one mail for each, and health counts them until staff restart or close them.
/// </summary>
public sealed class WorkflowFailures(
    SubmissionStore store, Mailer mailer, MailRenderer mails, UnitPeople people, UnitProfile unit, Links.Links links, TimeProvider clock,
    ILogger<WorkflowFailures> logger)
{
    public static readonly IReadOnlyList<OrchestrationRuntimeStatus> StoppedStatuses =
        [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public static bool IsStopped(OrchestrationMetadata? instance) =>
        instance is not null && StoppedStatuses.Contains(instance.RuntimeStatus);

    /// <summary>
    /// Every stopped submission workflow whose submission staff have not closed. The error of each comes with the
    /// instance's payloads (the Functions client gives failure details only with them): asked for by the watcher, which
    /// mails it, not by health, which only counts.
    /// </summary>
    public async Task<IReadOnlyList<StoppedWorkflow>> FindAsync(DurableTaskClient client, bool withErrors = true, CancellationToken ct = default)
    {
        var found = new List<StoppedWorkflow>();
        var query = new OrchestrationQuery { Statuses = StoppedStatuses, FetchInputsAndOutputs = withErrors };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(ct))
        {
            if (instance.Name != WorkflowStart.Orchestrator) continue;
            var s = await store.GetAsync(instance.InstanceId, ct);
            if (s is null || s.Status == SubmissionStatus.Closed) continue;
            found.Add(Describe(instance));
        }
        return found;
    }

    /// <summary>Notices every stopped workflow not noticed yet; answers how many are stopped.</summary>
    public async Task<int> NoticeAllAsync(DurableTaskClient client, CancellationToken ct = default)
    {
        var stopped = await FindAsync(client, ct: ct);
        foreach (var workflow in stopped)
        {
            try
            {
                await NoticeAsync(workflow, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next round tries again; one submission's fault must not hide the others'.
                logger.LogError(e, "Could not record the stopped workflow of {Id}", workflow.SubmissionId);
            }
        }
        return stopped.Count;
    }

    /// <summary>
    /// Whether a submission's workflow has stopped, so that a decision or revision for it is refused before anything is
    /// claimed: an event raised to a stopped instance is dropped, and the person would be thanked for nothing.
    /// </summary>
    public async Task<bool> HasStoppedAsync(DurableTaskClient client, Submission s, CancellationToken ct = default) =>
        s.Status == SubmissionStatus.WorkflowFailed || await NoticeIfStoppedAsync(client, s.Id, ct);

    /// <summary>
    /// Waits, for a few seconds at most, until the workflow has taken in what was raised at <paramref name="since"/>;
    /// answers true when it stopped instead. A release that breaks an instance's replay breaks it exactly here, when the
    /// decision wakes it, and the person must not be thanked for a decision nothing will act on.
    /// </summary>
    public async Task<bool> StoppedAfterAsync(DurableTaskClient client, string submissionId, DateTimeOffset since, CancellationToken ct = default)
    {
        var until = clock.GetUtcNow() + AfterEventWait;
        while (true)
        {
            var instance = await client.GetInstanceAsync(submissionId, getInputsAndOutputs: false, ct);
            if (IsStopped(instance)) return await NoticeWithErrorAsync(client, submissionId, ct);
            if (instance is null || instance.LastUpdatedAt >= since || instance.IsCompleted || clock.GetUtcNow() >= until) return false;
            // Short: the answer goes out as soon as the workflow has taken the decision in, before it acts on it.
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, ct);
        }
    }

    private static readonly TimeSpan ClaimTakeover = TimeSpan.FromMinutes(2);

    /// <summary>The engine polls its queues about every second; a healthy instance takes an event in well within this.</summary>
    public static readonly TimeSpan AfterEventWait = TimeSpan.FromSeconds(3);

    /// <summary>Notices one submission's workflow if the engine says it stopped; answers whether it did.</summary>
    public async Task<bool> NoticeIfStoppedAsync(DurableTaskClient client, string submissionId, CancellationToken ct = default)
    {
        // Every decision asks this; only a stopped instance is read again with its payloads, for its error.
        return IsStopped(await client.GetInstanceAsync(submissionId, getInputsAndOutputs: false, ct))
            && await NoticeWithErrorAsync(client, submissionId, ct);
    }

    private async Task<bool> NoticeWithErrorAsync(DurableTaskClient client, string submissionId, CancellationToken ct)
    {
        var instance = await client.GetInstanceAsync(submissionId, getInputsAndOutputs: true, ct);
        if (!IsStopped(instance)) return false;
        await NoticeAsync(Describe(instance!), ct);
        return true;
    }

    /// <summary>
    /// Marks the record and mails the Humas team, once per failure: a record already marked is left as it is, and a
    /// failure after a restart has a later step and so a mail of its own.
    /// </summary>
    public async Task NoticeAsync(StoppedWorkflow workflow, CancellationToken ct = default)
    {
        var s = await store.GetAsync(workflow.SubmissionId, ct);
        if (s is null || s.Status is SubmissionStatus.WorkflowFailed or SubmissionStatus.Closed) return;
        var step = s.LastStep + 1;
        // Several processes look at once (two workers, a decision meeting the watcher): one of them tells. A claim
        // whose process died before it marked the record is taken over after a while.
        var now = clock.GetUtcNow();
        var (claimed, at) = await store.TryAddMarkerAsync<DateTimeOffset?>(s.Id, $"notice-failed-{step}", now, ct);
        if (!claimed && at > now - ClaimTakeover) return;
        // The error text stays out of the history, which the submitter's tracking page shows: it may name anything.
        var marked = await store.ApplyAsync(s.Id, step, x => x.Fail(clock.GetUtcNow()), ct);
        // Something else took the step first: staff closing it, or a step of the stopped instance still under way, after
        // which the next round marks it.
        if (marked.Status != SubmissionStatus.WorkflowFailed) return;
        logger.LogError("Workflow of {Id} stopped ({Status}, {ErrorType}) while {Before}", s.Id, workflow.RuntimeStatus, workflow.ErrorType, s.Status);

        var team = (await people.CurrentAsync(ct)).People.FirstOrDefault(p => p.Key == PersonKeys.HumasTeam);
        if (team is null)
        {
            logger.LogError("No Humas team in the people settings to tell about {Id}", s.Id);
            return;
        }
        await mailer.SendOnceAsync(s.Id, $"workflow-failed-{step}",
            await RecoveryMails.StoppedAsync(mails, unit, marked, workflow, team, $"{links.BaseUrl}/staff", $"{links.BaseUrl}/api/submissions/{s.Id}"), ct);
    }

    private StoppedWorkflow Describe(OrchestrationMetadata instance) => new(
        instance.InstanceId, instance.RuntimeStatus.ToString(),
        instance.FailureDetails?.ErrorType ?? (instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated ? "Terminated" : null),
        instance.FailureDetails?.ErrorMessage ?? (instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated ? instance.SerializedOutput : null),
        instance.LastUpdatedAt == default ? clock.GetUtcNow() : instance.LastUpdatedAt);
}
