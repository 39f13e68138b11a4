using Humas.Workflow.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Decisions;

/// <summary>
/// Makes a person's action count once: a marker row is added first (the insert either wins or finds the
/// earlier one), then the event is raised; when the event cannot be raised the marker is taken back, so
/// the link still works on a retry. A second click never raises a second event.
/// </summary>
public sealed class EventClaims(SubmissionStore store, ILogger<EventClaims> logger)
{
    public async Task<Claimed<TMarker>> ClaimAndRaiseAsync<TMarker, TEvent>(
        DurableTaskClient client, string submissionId, string markerKey, TMarker marker, string eventName, TEvent payload, CancellationToken ct)
        where TMarker : class
    {
        var (added, earlier) = await store.TryAddMarkerAsync(submissionId, markerKey, marker, ct);
        if (!added) return new Claimed<TMarker>(false, earlier);
        try
        {
            await client.RaiseEventAsync(submissionId, eventName, payload, CancellationToken.None);
            return new Claimed<TMarker>(true, null);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not raise {Event} for {Id}; the claim {Key} is given back", eventName, submissionId, markerKey);
            await store.RemoveMarkerAsync(submissionId, markerKey, CancellationToken.None);
            return new Claimed<TMarker>(false, null);
        }
    }
}
