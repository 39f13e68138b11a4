namespace Humas.Workflow.Rounds;

public enum DiffKind
{
    Same,
    Inserted,
    Deleted,
}
