using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Rounds;

/// <summary>The kept rounds of a submission, in its own partition.</summary>
public sealed class RoundSnapshots(SubmissionStore store)
{
    /// <summary>Keeps the round's content once: a retried revision finds the row and leaves it as it was.</summary>
    public Task KeepAsync(Submission s, CancellationToken ct = default) =>
        store.TryAddMarkerAsync(s.Id, RoundSnapshot.Key(s.Round),
            new RoundSnapshot(s.Round, s.Content.Title, s.Content.Summary, s.Content.Body, s.Media.Select(m => m.Name).ToList()), ct);

    /// <summary>What changed since the round before the submission's current one; null in its first round.</summary>
    public async Task<RoundChanges?> ChangesAsync(Submission s, CancellationToken ct = default) =>
        s.Round < 2 ? null : RoundChanges.Of(s, await store.GetMarkerAsync<RoundSnapshot>(s.Id, RoundSnapshot.Key(s.Round - 1), ct));
}
