namespace Humas.Workflow.Submissions;

/// <summary>
/// The consent for the people a submission's files show: a document sent with it (private: never published, never on
/// a public page or in the feed; staff and deciders open it through short-lived links), or the id of a consent kept
/// in the unit's consent register.
/// </summary>
public sealed record Consent(string? RegisterId, MediaItem? Document);
