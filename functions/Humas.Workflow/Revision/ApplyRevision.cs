using Humas.Workflow.Orchestration;
using Humas.Workflow.Storage;
using Microsoft.DurableTask;

namespace Humas.Workflow.Revision;

/// <summary>Replaces the content with the submitter's revision; the next review round sees the new text.</summary>
public sealed class ApplyRevision(SubmissionStore store) : TaskActivity<RevisionInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RevisionInput input)
    {
        var r = input.Revision;
        await store.ApplyAsync(input.SubmissionId, input.Step, s => s.Revise(r.At, r.Title, r.Summary, r.Body, r.Comment, r.Media, r.ConsentId));
        return true;
    }
}
