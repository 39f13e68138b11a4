namespace Humas.Workflow.Consents;

/// <summary>Where a registered consent stands on a given day.</summary>
public enum ConsentState
{
    Valid,
    Expired,
    Withdrawn,
}
