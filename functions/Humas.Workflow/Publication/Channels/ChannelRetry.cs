namespace Humas.Workflow.Publication.Channels;

/// <summary>An admin's retry of one channel: try number <paramref name="Attempt"/> of that channel.</summary>
/// <param name="Version">
/// The workflow version of the release that started the retry; absent in retries started before version 2, which
/// ran the channel in one activity.
/// </param>
public sealed record ChannelRetry(string SubmissionId, string Channel, int Attempt, int? Version = null);
