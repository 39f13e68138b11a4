using Humas.Workflow.Calendar;
using Humas.Workflow.Decisions;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Publication;
using Humas.Workflow.Revision;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Orchestrator;

/// <summary>
/// One submission from intake to publication: review, revision rounds, approval, an optional scheduled
/// time, publication. Deterministic: it reads only the context's clock and its input; every wait is
/// bounded by a durable timer, with a reminder and an escalation to the backup before the deadline.
/// The submitter may withdraw at any wait.
/// </summary>
public sealed class SubmissionWorkflow : TaskOrchestrator<WorkflowInput, SubmissionStatus>
{
    private static readonly TaskOptions Retry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1)));

    public override Task<SubmissionStatus> RunAsync(TaskOrchestrationContext context, WorkflowInput input)
    {
        var version = WorkflowVersions.Of(input);
        // A worker of an older release must not guess at a newer path: failing makes the instance visible to staff
        // (health, mail), who restart it once the newer release runs everywhere.
        if (version is < WorkflowVersions.Oldest or > WorkflowVersions.Current)
            throw new NotSupportedException($"Workflow version {version} is not run by this release ({WorkflowVersions.Oldest} to {WorkflowVersions.Current}).");
        return new Run(context, input, version).ExecuteAsync();
    }

    /// <summary>How a wait ended: a decision, or the workflow's end (expired, withdrawn).</summary>
    private sealed record Outcome(DecisionMade? Decision, SubmissionStatus? End = null, string? EndEvent = null, DecisionMade? EndedBy = null);

    /// <summary>The state of one execution: the step counter numbers the history rows.</summary>
    private sealed class Run(TaskOrchestrationContext context, WorkflowInput input, int version)
    {
        private int step = input.Resume?.Step ?? 0; // step 0 is the intake's own row
        private readonly Task<WithdrawalRequested> withdrawal =
            context.WaitForExternalEvent<WithdrawalRequested>(WorkflowEvents.Withdraw);
        private string Id => input.SubmissionId;
        private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

        public async Task<SubmissionStatus> ExecuteAsync()
        {
            var resume = input.Resume;
            if (resume?.At is not (ResumePoint.PublishTime or ResumePoint.Publication)
                && await DecideRoundsAsync(resume) is { } ended)
                return ended;
            if (resume?.At != ResumePoint.Publication && await WaitForPublishTimeAsync() is { } withdrawn) return withdrawn;
            if (version >= 6) return await PublishAndCloseAsync();

            await RecordAsync(SubmissionStatus.Publishing, nameof(HistoryEvent.Publishing));
            var publications = await PublishAsync();
            if (!publications.Any(p => p.Status == PublicationStatus.Published))
                return await CloseAsync(SubmissionStatus.PublicationFailed, nameof(HistoryEvent.PublicationFailed));
            await context.CallActivityAsync(nameof(Targets.CountPublication), new Targets.CountRequest(Id, Now), Retry);
            return await CloseAsync(SubmissionStatus.Published, nameof(HistoryEvent.Published));
        }

        /// <summary>
        /// Every channel's record as kept. Version 1 published in one activity, which its instances still call; version 2
        /// fans out one activity per channel (Instagram in steps with durable timers) and keeps the records after.
        /// </summary>
        private async Task<IReadOnlyList<PublicationRecord>> PublishAsync()
        {
            var request = new PublishRequest(Id, Now);
            if (version == 1)
                return await context.CallActivityAsync<IReadOnlyList<PublicationRecord>>(nameof(PublishSubmission), request, Retry);
            // Version 5: a channel that refuses its credential or has reached its limit waits on durable timers.
            if (version >= 5) return await new PublicationFanOut(context, version, () => ++step).PublishAsync(request);
            return await new PublicationFanOut(context).PublishAsync(request);
        }

        /// <summary>
        /// Version 6: the Publishing row and the plan in one activity, the channels fanned out as in version 5, then the
        /// records, the count and the close in one.
        /// </summary>
        private async Task<SubmissionStatus> PublishAndCloseAsync()
        {
            var channels = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(StartPublication), new PublicationStart(Id, ++step, Now), Retry);
            var outcomes = await new PublicationFanOut(context, version, () => ++step).OutcomesAsync(new PublishRequest(Id, Now), channels);
            var kept = await context.CallActivityAsync<IReadOnlyList<PublicationRecord>>(
                nameof(FinishPublication), new PublicationFinish(Id, ++step, Now, outcomes), Retry);
            return kept.Any(p => p.Status == PublicationStatus.Published) ? SubmissionStatus.Published : SubmissionStatus.PublicationFailed;
        }

        /// <summary>
        /// Review and approval, round after round, until approved (null) or ended. A restarted workflow begins its
        /// first round at the stage it stopped in.
        /// </summary>
        private async Task<SubmissionStatus?> DecideRoundsAsync(WorkflowResume? resume)
        {
            var first = resume?.Round ?? 1;
            for (var round = first; ; round++)
            {
                if (round == first && resume?.At == ResumePoint.Revision)
                {
                    if (await WaitForRevisionAsync(round, comment: null) is { } end) return end;
                    continue;
                }
                if (round != first || resume?.At != ResumePoint.Approval)
                {
                    var review = await PassAsync(Stage.Review, round, input.Timings.Review);
                    if (review.Ended) return review.End;
                    if (review.Passed is not { } accepted) continue;
                    await RecordAsync(SubmissionStatus.InReview, nameof(HistoryEvent.ReviewAccepted), accepted);
                }

                var approval = await PassAsync(Stage.Approval, round, input.Timings.Approval);
                if (approval.Ended) return approval.End;
                if (approval.Passed is not { } approved) continue;
                await RecordAsync(SubmissionStatus.Approved, nameof(HistoryEvent.Approved), approved, notify: true);
                return null;
            }
        }

        /// <summary>How a review or approval ended: passed (with the decision), sent back for a revision that came, or the workflow's end.</summary>
        private sealed record StageResult(DecisionMade? Passed, bool Ended = false, SubmissionStatus? End = null);

        /// <summary>One review or approval: a rejection or a missed deadline ends the workflow, a revision sends it round again.</summary>
        private async Task<StageResult> PassAsync(Stage stage, int round, WorkingDuration timeout)
        {
            var outcome = await DecideAsync(stage, round, timeout);
            if (outcome.End is { } end) return new(null, true, await CloseAsync(end, outcome.EndEvent!, outcome.EndedBy));
            var made = outcome.Decision!;
            if (made.Decision == DecisionValues.Reject) return new(null, true, await CloseAsync(SubmissionStatus.Rejected, nameof(HistoryEvent.Rejected), made));
            if (made.Decision == DecisionValues.Revise)
                return await ReviseAsync(round, made) is { } notRevised ? new(null, true, notRevised) : new(null);
            return new(made);
        }

        /// <summary>
        /// Asks a stage's deciders and combines their answers by the stage's policy: the first answer under
        /// "any"; every approval under "all"; one decider after another under "sequence". A revise or reject
        /// ends the stage at once.
        /// </summary>
        private async Task<Outcome> DecideAsync(Stage stage, int round, WorkingDuration timeout)
        {
            // Version 6: the stage opens in one activity, which asks its first group; its answer carries the assignment.
            var issued = Now;
            var opened = version >= 6 ? await OpenAsync(stage, round, issued, timeout, comment: null) : null;
            var assignment = opened?.Assignment
                ?? await context.CallActivityAsync<StageAssignment>(nameof(AssignDeciders), new AssignmentRequest(Id, stage), Retry);
            var groups = assignment.Policy == DecisionPolicy.Sequence
                ? assignment.Deciders.Select(d => (IReadOnlyList<Assignee>)[d]).ToList()
                : [assignment.Deciders];
            var answers = new List<DecisionMade>();
            var asked = opened is null ? ((DeadlinePlan, DateTimeOffset)?)null : (opened.Plan, issued);
            foreach (var group in groups)
            {
                var outcome = await WaitForGroupAsync(stage, round, timeout, assignment.Policy, group, answers, asked: asked);
                asked = null; // a later decider of a sequence is asked when their turn comes
                if (outcome.End is not null || assignment.Policy == DecisionPolicy.Any) return outcome;
                if (outcome.Decision!.Decision is DecisionValues.Revise or DecisionValues.Reject) return outcome;
            }
            var last = answers[^1];
            return new Outcome(last with
            {
                PersonName = string.Join(", ", answers.Select(a => a.OnBehalfOfName is null ? a.PersonName : $"{a.PersonName} a.n. {a.OnBehalfOfName}")),
                OnBehalfOf = null, OnBehalfOfName = null, Comment = null,
            });
        }

        private async Task<Outcome> WaitForGroupAsync(
            Stage stage, int round, WorkingDuration timeout, DecisionPolicy policy, IReadOnlyList<Assignee> group, List<DecisionMade> answers,
            string? comment = null, (DeadlinePlan Plan, DateTimeOffset Issued)? asked = null)
        {
            var issued = asked?.Issued ?? Now;
            var escalates = stage != Stage.Revision && group.Any(d => d.BackupKey is not null);
            DeadlinePlan? plan;
            if (asked is not null) plan = asked.Value.Plan;
            // Version 6: a later decider of a sequence is asked by the same activity, given the group.
            else if (version >= 6) plan = (await OpenAsync(stage, round, issued, timeout, comment, policy, group)).Plan;
            else plan = version >= 3 ? await PlanAsync(issued, timeout, input.Timings.ReminderAfter, escalates ? input.Timings.EscalateAfter : null) : null;
            var deadline = plan?.Deadline ?? issued + timeout.Approximate;
            if (version < 6) await RequestAsync(stage, round, deadline, policy, group, Notice.Request, issued, comment, plan);

            var pending = group.ToDictionary(d => d.Key, StringComparer.OrdinalIgnoreCase);
            using var cancel = new CancellationTokenSource();
            var expiry = context.CreateTimer(deadline.UtcDateTime, cancel.Token);
            Task? reminder, escalation;
            if (plan is not null)
            {
                reminder = plan.RemindAt is { } remindAt ? context.CreateTimer(remindAt.UtcDateTime, cancel.Token) : null;
                escalation = plan.EscalateAt is { } escalateAt ? context.CreateTimer(escalateAt.UtcDateTime, cancel.Token) : null;
            }
            else
            {
                // Versions 1 and 2: plain time from the issue, as their instances recorded it.
                var (span, remindAfter, escalateAfter) = (timeout.Approximate, input.Timings.ReminderAfter.Approximate, input.Timings.EscalateAfter.Approximate);
                reminder = remindAfter < span ? context.CreateTimer((issued + remindAfter).UtcDateTime, cancel.Token) : null;
                escalation = escalates && escalateAfter < span ? context.CreateTimer((issued + escalateAfter).UtcDateTime, cancel.Token) : null;
            }
            var answer = context.WaitForExternalEvent<DecisionMade>(WorkflowEvents.For(stage, round), cancel.Token);
            try
            {
                while (true)
                {
                    var first = await Task.WhenAny(new[] { answer, expiry, withdrawal, reminder, escalation }.OfType<Task>());
                    if (first == withdrawal)
                        return new Outcome(null, SubmissionStatus.Withdrawn, nameof(HistoryEvent.Withdrawn), Withdrawer(withdrawal.Result));
                    if (first == expiry) return new Outcome(null, SubmissionStatus.Expired, StageEvents.Expired(stage).ToString());
                    if (first == reminder)
                    {
                        reminder = null;
                        await RequestAsync(stage, round, deadline, policy, pending.Values.ToList(), Notice.Reminder, issued, comment);
                        continue;
                    }
                    if (first == escalation)
                    {
                        escalation = null;
                        await RequestAsync(stage, round, deadline, policy, pending.Values.ToList(), Notice.Escalation, issued, comment);
                        continue;
                    }

                    var made = await answer;
                    // Version 4: a seat handed to a colleague waits on, for the colleague, on the same timers. Earlier
                    // versions never receive one: the endpoint refuses a hand-on for their instances.
                    if (version >= 4 && made.Decision == DecisionValues.Reassign)
                    {
                        if (made.To is { } to && pending.ContainsKey(made.SeatKey) && !pending.ContainsKey(to))
                        {
                            var colleague = await context.CallActivityAsync<Assignee>(nameof(HandOnDecision),
                                new HandOnInput(Id, ++step, made, deadline, issued), Retry);
                            pending.Remove(made.SeatKey);
                            pending[colleague.Key] = colleague;
                        }
                        answer = context.WaitForExternalEvent<DecisionMade>(WorkflowEvents.For(stage, round), cancel.Token);
                        continue;
                    }
                    if (pending.Remove(made.SeatKey))
                    {
                        answers.Add(made);
                        var ends = policy == DecisionPolicy.Any || pending.Count == 0 || made.Decision is DecisionValues.Revise or DecisionValues.Reject;
                        if (policy != DecisionPolicy.Any)
                            await context.CallActivityAsync(nameof(RecordResponse),
                                new ResponseInput(Id, ++step, made, ends ? [] : pending.Values.Select(p => p.Name).ToList()), Retry);
                        if (ends) return new Outcome(made);
                    }
                    answer = context.WaitForExternalEvent<DecisionMade>(WorkflowEvents.For(stage, round), cancel.Token);
                }
            }
            finally
            {
                cancel.Cancel(); // timers no longer needed must not keep the instance running
            }
        }

        /// <summary>Sends the submitter back to edit; the workflow's end when they do not come back.</summary>
        private async Task<SubmissionStatus?> ReviseAsync(int round, DecisionMade asked)
        {
            await RecordAsync(SubmissionStatus.RevisionRequested, nameof(HistoryEvent.RevisionAsked), asked);
            return await WaitForRevisionAsync(round, asked.Comment);
        }

        private async Task<SubmissionStatus?> WaitForRevisionAsync(int round, string? comment)
        {
            DateTimeOffset deadline;
            // Version 6: the submitter's request in one activity, as a stage's.
            if (version >= 6) deadline = (await OpenAsync(Stage.Revision, round, Now, input.Timings.Revision, comment)).Plan.Deadline;
            else
            {
                var submitter = await context.CallActivityAsync<StageAssignment>(nameof(AssignDeciders), new AssignmentRequest(Id, Stage.Revision), Retry);
                var issued = Now;
                deadline = version >= 3
                    ? (await PlanAsync(issued, input.Timings.Revision, null, null)).Deadline
                    : issued + input.Timings.Revision.Approximate;
                await RequestAsync(Stage.Revision, round, deadline, DecisionPolicy.Any, submitter.Deciders, Notice.Request, issued, comment);
            }

            using var cancel = new CancellationTokenSource();
            var expiry = context.CreateTimer(deadline.UtcDateTime, cancel.Token);
            var revision = context.WaitForExternalEvent<RevisionSubmitted>(WorkflowEvents.For(Stage.Revision, round), cancel.Token);
            var first = await Task.WhenAny(revision, expiry, withdrawal);
            cancel.Cancel();
            if (first == withdrawal) return await CloseAsync(SubmissionStatus.Withdrawn, nameof(HistoryEvent.Withdrawn), Withdrawer(withdrawal.Result));
            if (first == expiry) return await CloseAsync(SubmissionStatus.Expired, nameof(HistoryEvent.RevisionExpired));
            await context.CallActivityAsync(nameof(ApplyRevision), new RevisionInput(Id, ++step, await revision), Retry);
            return null;
        }

        /// <summary>Holds an approved submission until its publish time; staff may move it, the submitter may withdraw.</summary>
        private async Task<SubmissionStatus?> WaitForPublishTimeAsync()
        {
            var publishAt = input.PublishAt;
            while (publishAt is { } when && when > Now)
            {
                await RecordAsync(SubmissionStatus.Scheduled, nameof(HistoryEvent.Scheduled), comment: when.ToString("O"));
                using var cancel = new CancellationTokenSource();
                var timer = context.CreateTimer(when.UtcDateTime, cancel.Token);
                var change = context.WaitForExternalEvent<ScheduleChanged>(WorkflowEvents.ScheduleChanged, cancel.Token);
                var first = await Task.WhenAny(timer, change, withdrawal);
                cancel.Cancel();
                if (first == withdrawal) return await CloseAsync(SubmissionStatus.Withdrawn, nameof(HistoryEvent.Withdrawn), Withdrawer(withdrawal.Result));
                if (first == timer) break;
                publishAt = (await change).PublishAt;
            }
            return null;
        }

        /// <summary>Version 3: the deadline and its reminders on the working calendar, by an activity, so replays see the same times.</summary>
        private Task<DeadlinePlan> PlanAsync(DateTimeOffset issued, WorkingDuration timeout, WorkingDuration? reminder, WorkingDuration? escalation) =>
            context.CallActivityAsync<DeadlinePlan>(nameof(PlanDeadline), new DeadlineRequest(Id, issued, timeout, reminder, escalation), Retry);

        /// <summary>
        /// Version 6: a stage opened (deciders, deadline, request) in one activity; a revision plans no reminder or escalation,
        /// and a stage's escalation only where the group asked has a backup (the activity looks).
        /// </summary>
        private Task<StageOpened> OpenAsync(Stage stage, int round, DateTimeOffset issued, WorkingDuration timeout, string? comment,
            DecisionPolicy? policy = null, IReadOnlyList<Assignee>? group = null)
        {
            var (reminder, escalation) = stage == Stage.Revision ? (null, null) : ((WorkingDuration?)input.Timings.ReminderAfter, (WorkingDuration?)input.Timings.EscalateAfter);
            return context.CallActivityAsync<StageOpened>(nameof(OpenStage),
                new StageOpening(Id, ++step, issued, stage, round, timeout, reminder, escalation, comment, policy, group), Retry);
        }

        private Task RequestAsync(Stage stage, int round, DateTimeOffset deadline, DecisionPolicy policy,
            IReadOnlyList<Assignee> deciders, Notice notice, DateTimeOffset issued, string? comment, DeadlinePlan? plan = null) =>
            context.CallActivityAsync(nameof(RequestDecision),
                new DecisionRequest(Id, ++step, Now, stage, round, deadline, policy, deciders, notice, issued, comment, plan?.RemindAt, plan?.EscalateAt), Retry);

        private static DecisionMade Withdrawer(WithdrawalRequested w) =>
            new(Stage.Revision, 0, "withdraw", w.Reason, "submitter", w.By, w.At);

        private Task RecordAsync(SubmissionStatus status, string @event, DecisionMade? by = null, bool notify = false, string? comment = null) =>
            context.CallActivityAsync(nameof(RecordTransition), new Transition(
                Id, ++step, Now, status, @event, by?.PersonName, by?.OnBehalfOfName, by?.Decision, comment ?? by?.Comment, notify), Retry);

        private async Task<SubmissionStatus> CloseAsync(SubmissionStatus status, string @event, DecisionMade? by = null)
        {
            await RecordAsync(status, @event, by, notify: true);
            return status;
        }
    }
}
