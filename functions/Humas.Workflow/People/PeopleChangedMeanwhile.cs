namespace Humas.Workflow.People;

/// <summary>The settings someone else saved since the version the change was based on.</summary>
public sealed class PeopleChangedMeanwhile(PeopleState current) : Exception("The people settings changed meanwhile.")
{
    public PeopleState Current { get; } = current;
}
