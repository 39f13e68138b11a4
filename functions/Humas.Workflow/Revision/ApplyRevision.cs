using Humas.Workflow.Orchestration;
using Humas.Workflow.Storage;
using Microsoft.DurableTask;

namespace Humas.Workflow.Revision;

/// <summary>Replaces the content with the submitter's revision; the next review round sees the new text.</summary>
public sealed class ApplyRevision(SubmissionStore store, Rounds.RoundSnapshots rounds) : TaskActivity<RevisionInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RevisionInput input)
    {
        var r = input.Revision;
        // The round as its deciders saw it, kept before the revision replaces it, for the next round's "what changed".
        var before = await store.GetExistingAsync(input.SubmissionId);
        if (before.LastStep < input.Step) await rounds.KeepAsync(before);
        await store.ApplyAsync(input.SubmissionId, input.Step, s => s.Revise(r.At, r.Title, r.Summary, r.Body, r.Comment, r.Media, r.ConsentId));
        return true;
    }
}
