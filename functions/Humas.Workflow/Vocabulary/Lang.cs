namespace Humas.Workflow.Vocabulary;

/// <summary>What people read is Indonesian first, English second.</summary>
public enum Lang
{
    Id,
    En,
}
