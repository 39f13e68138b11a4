using Humas.Workflow.Orchestration;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Revision;

/// <summary>Replaces the content with the submitter's revision; the next review round sees the new text.</summary>
public sealed class ApplyRevision(SubmissionStore store) : TaskActivity<RevisionInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RevisionInput input)
    {
        var s = await store.GetAsync(input.SubmissionId) ?? throw new InvalidOperationException($"No submission {input.SubmissionId}.");
        var r = input.Revision;
        var entry = new HistoryEntry
        {
            Step = input.Step, At = r.At, Status = SubmissionStatus.Submitted, Event = HistoryEvent.Revised,
            Actor = s.Content.SubmitterName ?? s.Content.SubmitterEmail, Comment = r.Comment,
        };
        var revised = s.LastStep > input.Step ? s : s with
        {
            Content = s.Content with { Title = r.Title, Summary = r.Summary, Body = r.Body },
            Status = SubmissionStatus.Submitted, UpdatedAt = r.At, LastStep = input.Step,
            WaitingStage = null, WaitingFor = [], Deadline = null,
        };
        await store.SaveAsync(revised, entry);
        return true;
    }
}
