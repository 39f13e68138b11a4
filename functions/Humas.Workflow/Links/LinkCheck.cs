namespace Humas.Workflow.Links;

public enum LinkCheck
{
    Valid,
    Forged,
    Expired,
}
