using Humas.Workflow.Storage;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// The steps one channel has finished for one submission (an uploaded image's id, an upload session, a container),
/// kept in the submission's partition so that a repeated try continues instead of posting again.
/// </summary>
public sealed class ChannelProgress(SubmissionStore store, string submissionId, string channel)
{
    private string Key(string step) => $"progress-{channel}-{step}";

    public Task<T?> GetAsync<T>(string step, CancellationToken ct) => store.GetMarkerAsync<T>(submissionId, Key(step), ct);

    /// <summary>Keeps a step's result; when another try kept one first, that one wins and is answered.</summary>
    public async Task<T> KeepAsync<T>(string step, T value, CancellationToken ct) =>
        (await store.TryAddMarkerAsync(submissionId, Key(step), value, ct)).Value;

    public Task ForgetAsync(string step, CancellationToken ct) => store.RemoveMarkerAsync(submissionId, Key(step), ct);
}
