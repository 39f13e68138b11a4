using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Humas.Integration.Tests.Infrastructure;

namespace Humas.Workflow.Benchmarks;

/// <summary>The mails a submission's run waits for, in the order the workflow sends them.</summary>
public enum Awaited
{
    ReviewRequest,
    ApprovalRequest,
    PublishedNotice,
}

/// <summary>
/// Hands each benchmark submission its mails the moment the SMTP sink keeps them (no polling, which would add up
/// to a tenth of a second per wait to the workflow's time). Submissions are told apart by the title in the subject.
/// </summary>
public sealed partial class Mailbox : IDisposable
{
    public const string Reviewer = "redaksi.humas@bbpmp-jateng.example";
    public const string Approver = "kabag.umum@bbpmp-jateng.example";
    public const string Submitter = "ani@example.org";

    private readonly SmtpSink smtp;
    private readonly ConcurrentDictionary<(string Title, Awaited What), TaskCompletionSource<ReceivedMail>> mails = new();
    private int reviewRequests;

    public Mailbox(SmtpSink smtp)
    {
        this.smtp = smtp;
        smtp.Received += OnReceived;
    }

    /// <summary>A title this mailbox recognises in subjects.</summary>
    public static string Title(string run, int n) => $"Uji kinerja {run} #{n:D5}";

    /// <summary>Review requests received so far: every workflow started sends one before it first waits.</summary>
    public int ReviewRequests => reviewRequests;

    public Task<ReceivedMail> WaitAsync(string title, Awaited what, TimeSpan timeout) =>
        Slot(title, what).Task.WaitAsync(timeout);

    public void Dispose() => smtp.Received -= OnReceived;

    private void OnReceived(ReceivedMail mail)
    {
        if (TitlePattern().Match(mail.Subject) is not { Success: true } title) return;
        Awaited? what =
            mail.IsFor(Reviewer) && mail.Subject.Contains("Mohon tinjau", StringComparison.Ordinal) ? Awaited.ReviewRequest
            : mail.IsFor(Approver) && mail.Subject.Contains("Mohon persetujuan", StringComparison.Ordinal) ? Awaited.ApprovalRequest
            : mail.IsFor(Submitter) && mail.Subject.Contains("telah terbit", StringComparison.Ordinal) ? Awaited.PublishedNotice
            : null;
        if (what is not { } kind) return;
        if (kind == Awaited.ReviewRequest) Interlocked.Increment(ref reviewRequests);
        Slot(title.Value, kind).TrySetResult(mail);
    }

    private TaskCompletionSource<ReceivedMail> Slot(string title, Awaited what) =>
        mails.GetOrAdd((title, what), _ => new TaskCompletionSource<ReceivedMail>(TaskCreationOptions.RunContinuationsAsynchronously));

    [GeneratedRegex(@"Uji kinerja \w+ #\d{5}")]
    private static partial Regex TitlePattern();
}
