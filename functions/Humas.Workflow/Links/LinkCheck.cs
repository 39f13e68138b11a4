namespace Humas.Workflow.Links;

public enum LinkCheck
{
    Valid,
    Forged,
    Expired,

    /// <summary>Made with a key that has since been removed from the ring.</summary>
    KeyRetired,
}
