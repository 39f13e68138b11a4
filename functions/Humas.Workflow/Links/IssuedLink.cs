namespace Humas.Workflow.Links;

/// <summary>
/// What an opaque link stands for, kept in the submission's partition: the token's JSON exactly as its digest was
/// taken, and the key that took it.
/// </summary>
public sealed record IssuedLink(string Token, string KeyId);
