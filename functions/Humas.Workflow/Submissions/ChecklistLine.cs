using Humas.Workflow.Profiles;

namespace Humas.Workflow.Submissions;

/// <summary>One item of a submission's checklist and whether it is done, as a decision page shows it.</summary>
public sealed record ChecklistLine(ChecklistItem Item, bool Done)
{
    /// <summary>The field a refusal names: <c>checklist.contact</c>.</summary>
    public string Field => ChecklistLine.FieldOf(Item.Key);

    public static string FieldOf(string key) => "checklist." + key;
}
