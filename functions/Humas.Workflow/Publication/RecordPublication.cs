using Humas.Workflow.Orchestration;
using Humas.Workflow.Publication.Channels;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Publication;

/// <summary>
/// Keeps each channel's record with the submission (what the tracking page, the submission's JSON and the retry
/// endpoint read) and tells the submitter and the Humas team of each failed channel. It answers the records as kept:
/// a record another run kept first stands.
/// </summary>
public sealed class RecordPublication(SubmissionStore store, ChannelPublisher channels)
    : TaskActivity<PublicationOutcomes, IReadOnlyList<PublicationRecord>>
{
    public override async Task<IReadOnlyList<PublicationRecord>> RunAsync(TaskActivityContext context, PublicationOutcomes outcomes) =>
        await KeepAsync(channels, await store.GetExistingAsync(outcomes.SubmissionId), outcomes.Records);

    public static async Task<IReadOnlyList<PublicationRecord>> KeepAsync(ChannelPublisher channels, Submission s, IEnumerable<PublicationRecord> records)
    {
        var kept = new List<PublicationRecord>();
        foreach (var record in records) kept.Add(await channels.KeepAsync(s, record));
        return kept;
    }
}
