using Humas.Workflow.Decisions;
using Humas.Workflow.Publication;
using Humas.Workflow.Revision;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Orchestration;

/// <summary>
/// One submission from intake to publication: review, revision rounds, approval, an optional scheduled
/// time, publication. Deterministic: it reads only the context's clock and its input; every wait is
/// bounded by a durable timer.
/// </summary>
public sealed class SubmissionWorkflow : TaskOrchestrator<WorkflowInput, SubmissionStatus>
{
    private static readonly TaskOptions Retry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1)));

    public override Task<SubmissionStatus> RunAsync(TaskOrchestrationContext context, WorkflowInput input) =>
        new Run(context, input).ExecuteAsync();

    /// <summary>The state of one execution: the step counter numbers the history rows.</summary>
    private sealed class Run(TaskOrchestrationContext context, WorkflowInput input)
    {
        private int step; // step 0 is the intake's own row
        private string Id => input.SubmissionId;
        private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

        public async Task<SubmissionStatus> ExecuteAsync()
        {
            for (var round = 1; ; round++)
            {
                var review = await DecideAsync(Stage.Review, round, input.Timings.Review);
                if (review is null) return await CloseAsync(SubmissionStatus.Expired, "ReviewExpired");
                if (review.Decision == DecisionValues.Reject) return await CloseAsync(SubmissionStatus.Rejected, "Rejected", review);
                if (review.Decision == DecisionValues.Revise)
                {
                    if (!await ReviseAsync(round, review)) return SubmissionStatus.Expired;
                    continue;
                }
                await RecordAsync(SubmissionStatus.InReview, "ReviewAccepted", review);

                var approval = await DecideAsync(Stage.Approval, round, input.Timings.Approval);
                if (approval is null) return await CloseAsync(SubmissionStatus.Expired, "ApprovalExpired");
                if (approval.Decision == DecisionValues.Reject) return await CloseAsync(SubmissionStatus.Rejected, "Rejected", approval);
                if (approval.Decision == DecisionValues.Revise)
                {
                    if (!await ReviseAsync(round, approval)) return SubmissionStatus.Expired;
                    continue;
                }
                await RecordAsync(SubmissionStatus.Approved, "Approved", approval, notify: true);
                break;
            }

            if (input.PublishAt is { } publishAt && publishAt > Now)
            {
                await RecordAsync(SubmissionStatus.Scheduled, "Scheduled");
                await context.CreateTimer(publishAt.UtcDateTime, CancellationToken.None);
            }

            await RecordAsync(SubmissionStatus.Publishing, "Publishing");
            var publications = await context.CallActivityAsync<IReadOnlyList<PublicationRecord>>(
                nameof(PublishSubmission), new PublishRequest(Id, Now), Retry);
            if (publications.Any(p => p.Status == PublicationStatus.Published))
                await context.CallActivityAsync(nameof(Targets.CountPublication), new Targets.CountRequest(Id, Now), Retry);
            return publications.Any(p => p.Status == PublicationStatus.Published)
                ? await CloseAsync(SubmissionStatus.Published, "Published")
                : await CloseAsync(SubmissionStatus.PublicationFailed, "PublicationFailed");
        }

        /// <summary>Asks the stage's deciders and waits for the first decision or the deadline.</summary>
        private async Task<DecisionMade?> DecideAsync(Stage stage, int round, TimeSpan timeout)
        {
            var deadline = Now + timeout;
            await context.CallActivityAsync(nameof(RequestDecision),
                new DecisionRequest(Id, ++step, Now, stage, round, deadline), Retry);
            return await WaitAsync<DecisionMade>(WorkflowEvents.For(stage, round), deadline);
        }

        /// <summary>Sends the submitter back to edit; false when they let the deadline pass.</summary>
        private async Task<bool> ReviseAsync(int round, DecisionMade asked)
        {
            await RecordAsync(SubmissionStatus.RevisionRequested, "RevisionAsked", asked);
            var deadline = Now + input.Timings.Revision;
            await context.CallActivityAsync(nameof(RequestDecision),
                new DecisionRequest(Id, ++step, Now, Stage.Revision, round, deadline, asked.Comment), Retry);
            var revision = await WaitAsync<RevisionSubmitted>(WorkflowEvents.For(Stage.Revision, round), deadline);
            if (revision is null)
            {
                await CloseAsync(SubmissionStatus.Expired, "RevisionExpired");
                return false;
            }
            await context.CallActivityAsync(nameof(ApplyRevision), new RevisionInput(Id, ++step, revision), Retry);
            return true;
        }

        private async Task<T?> WaitAsync<T>(string eventName, DateTimeOffset deadline) where T : class
        {
            using var cancel = new CancellationTokenSource();
            var timer = context.CreateTimer(deadline.UtcDateTime, cancel.Token);
            var decision = context.WaitForExternalEvent<T>(eventName, cancel.Token);
            var first = await Task.WhenAny(decision, timer);
            cancel.Cancel(); // the loser must not keep the instance running
            return first == decision ? await decision : null;
        }

        private Task RecordAsync(SubmissionStatus status, string @event, DecisionMade? by = null, bool notify = false) =>
            context.CallActivityAsync(nameof(RecordTransition), new Transition(
                Id, ++step, Now, status, @event, by?.PersonName, by?.OnBehalfOf, by?.Decision, by?.Comment, notify), Retry);

        private async Task<SubmissionStatus> CloseAsync(SubmissionStatus status, string @event, DecisionMade? by = null)
        {
            await RecordAsync(status, @event, by, notify: true);
            return status;
        }
    }
}
