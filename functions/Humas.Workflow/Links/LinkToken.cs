using System.Text.Json.Serialization;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Links;

/// <summary>What a link lets one person do: act on one stage of one submission until it expires.</summary>
/// <param name="Purpose">"act", "revise" or "track".</param>
/// <param name="OnBehalfOf">The decider a backup stands in for (a.n.).</param>
/// <param name="IssuedAt">When the link was made; staff can revoke every link made before a moment.</param>
public sealed record LinkToken(
    string SubmissionId, string Purpose, Stage? Stage, int Round, string PersonKey, string Email,
    DateTimeOffset ExpiresAt, string? OnBehalfOf = null, DateTimeOffset? IssuedAt = null)
{
    /// <summary>Whose place in the stage this link fills.</summary>
    [JsonIgnore]
    public string SeatKey => OnBehalfOf ?? PersonKey;
}
