using Humas.Workflow.Orchestration;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// The container an Instagram publication waits for next (<paramref name="Id"/>; published once ready when
/// <paramref name="Publishable"/>, otherwise an item of a carousel still to be made), or the channel's
/// <paramref name="Outcome"/> when nothing is left to wait for (published by an earlier try, refused, not configured).
/// The waits come with it from the settings, so that a replay waits as the first run did.
/// </summary>
/// <param name="FirstWait">The first pause between two looks at the container; later pauses grow from it.</param>
/// <param name="WaitLimit">How long the container may stay in progress in all before the channel fails.</param>
public sealed record InstagramContainer(string? Id, bool Publishable, TimeSpan FirstWait, TimeSpan WaitLimit, PublicationRecord? Outcome = null);
