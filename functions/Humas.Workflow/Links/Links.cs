using Humas.Workflow.Configuration;
using Humas.Workflow.Submissions;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Links;

/// <summary>The public addresses people receive: decision, revision and tracking links.</summary>
public sealed class Links(LinkSigner signer, IOptions<HumasOptions> options, TimeProvider clock)
{
    public string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    public string Decision(LinkToken token) =>
        $"{BaseUrl}/{(token.Stage == Stage.Revision ? "revise" : "act")}/{signer.Sign(token)}";

    public string Track(Submission submission) => Track(submission.Id, submission.Content.SubmitterEmail);

    public string Track(string submissionId, string submitterEmail) =>
        $"{BaseUrl}/track/{signer.Sign(new LinkToken(submissionId, "track", null, 0, "submitter", submitterEmail,
            clock.GetUtcNow() + options.Value.Workflow.TrackingLinkLifetime))}";
}
