using System.Net;
using System.Text.Json;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Workflow.Benchmarks;

/// <summary>
/// One submission the way people move it: the form posted to the intake, the reviewer accepting and the approver
/// approving from the links in their emails, done when the submitter's "published" mail arrives.
/// </summary>
public sealed class FullWorkflow(LocalHostProcess host, Mailbox mailbox, byte[] photo)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs one submission to Published; returns its id.</summary>
    public async Task<string> RunAsync(string title)
    {
        var id = await SubmitAsync(host.Http, title, photo);
        await DecideAsync(await mailbox.WaitAsync(title, Awaited.ReviewRequest, StepTimeout), "accept");
        await DecideAsync(await mailbox.WaitAsync(title, Awaited.ApprovalRequest, StepTimeout), "approve");
        await mailbox.WaitAsync(title, Awaited.PublishedNotice, StepTimeout);
        return id;
    }

    public static async Task<string> SubmitAsync(HttpClient http, string title, byte[] photo)
    {
        using var form = Forms.Submission(title, photo);
        using var response = await http.PostAsync("/api/submissions", form);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"The intake answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private async Task DecideAsync(ReceivedMail mail, string decision)
    {
        using var response = await host.Http.PostAsync(mail.Link("/act/"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision }));
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"'{decision}' answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
