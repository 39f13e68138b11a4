namespace Humas.Workflow.Publication;

/// <summary>
/// Try <paramref name="Attempt"/> of one channel of a submission; <paramref name="At"/> is the orchestration's time,
/// which the office's own feed dates its entry by. With <paramref name="MayWait"/> (version 5) a refused credential or a
/// reached limit answers a Waiting record instead of a failure, until the profile's bound from
/// <paramref name="WaitingSince"/> has passed.
/// </summary>
public sealed record ChannelPublication(string SubmissionId, string Channel, DateTimeOffset At, int Attempt = 1,
    bool MayWait = false, DateTimeOffset? WaitingSince = null);
