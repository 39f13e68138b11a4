namespace Humas.Workflow.Profiles;

/// <summary>
/// How the targets count an item taken down after publication: it stays counted (<see cref="KeepCounted"/>: the office
/// made and published it, and the takedown is in its history), or it is taken back out of every counter it moved
/// (<see cref="Uncount"/>: the targets count only what is still public).
/// </summary>
public enum TakedownCounting
{
    KeepCounted,
    Uncount,
}
