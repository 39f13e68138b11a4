namespace Humas.Workflow.People;

/// <summary>The keys of the people the workflow itself names, beside those the unit profile lists.</summary>
public static class PersonKeys
{
    /// <summary>The Humas team's mailbox: told of failures, tasks and what no channel could do itself.</summary>
    public const string HumasTeam = "humas-team";
}
