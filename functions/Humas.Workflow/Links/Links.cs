using Humas.Workflow.Configuration;
using Humas.Workflow.Submissions;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Links;

/// <summary>The public addresses people receive: decision, revision and tracking links.</summary>
public sealed class Links(LinkBook book, IOptions<HumasOptions> options, TimeProvider clock)
{
    public string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    public async Task<string> DecisionAsync(LinkToken token, CancellationToken ct = default) =>
        $"{BaseUrl}/{(token.Stage == Stage.Revision ? "revise" : "act")}/{await book.IssueAsync(token, ct)}";

    public Task<string> TrackAsync(Submission submission, CancellationToken ct = default) =>
        TrackAsync(submission.Id, submission.Content.SubmitterEmail, ct);

    /// <summary>A decision or revision link and the row that makes it valid, stored by the caller.</summary>
    public (string Url, Storage.MarkerRow Row) PrepareDecision(LinkToken token)
    {
        var (text, row) = book.Prepare(token);
        return ($"{BaseUrl}/{(token.Stage == Stage.Revision ? "revise" : "act")}/{text}", row);
    }

    /// <summary>A tracking link and the row that makes it valid, stored by the caller.</summary>
    public (string Url, Storage.MarkerRow Row) PrepareTrack(string submissionId, string submitterEmail)
    {
        var (text, row) = book.Prepare(TrackToken(submissionId, submitterEmail));
        return ($"{BaseUrl}/track/{text}", row);
    }

    private LinkToken TrackToken(string submissionId, string submitterEmail) =>
        new(submissionId, "track", null, 0, "submitter", submitterEmail, clock.GetUtcNow() + options.Value.Workflow.TrackingLinkLifetime);

    public async Task<string> TrackAsync(string submissionId, string submitterEmail, CancellationToken ct = default) =>
        $"{BaseUrl}/track/{await book.IssueAsync(TrackToken(submissionId, submitterEmail), ct)}";
}
