namespace Humas.Workflow.Links;

/// <summary>One key of the ring, named by the id every link made with it carries.</summary>
public sealed record LinkKey(string Id, byte[] Secret);
