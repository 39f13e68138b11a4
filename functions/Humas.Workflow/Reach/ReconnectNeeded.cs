namespace Humas.Workflow.Reach;

/// <summary>A channel that refused its credential, as the public figures name it: which and since when.</summary>
public sealed record ReconnectNeeded(string Channel, DateTimeOffset Since);
