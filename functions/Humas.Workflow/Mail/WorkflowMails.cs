using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Mail;

/// <summary>The workflow's emails: decision requests (with their reminders and escalations) and outcomes.</summary>
public static class WorkflowMails
{
    public static Task<OutgoingMail> DecisionRequestAsync(
        MailRenderer mails, UnitProfile unit, Submission s, Stage stage, Person to, string url, DateTimeOffset deadline, string? comment,
        Notice notice = Notice.Request, string? onBehalfOf = null, InlineImage? photo = null, Calendar.WorkingTimeLeft? left = null) =>
        DecisionRequestAsync(mails, unit, s, stage, to, url, deadline, comment, notice, onBehalfOf, photo, unit.PersonByKeyOrNull(People.PersonKeys.HumasTeam), left);

    public static async Task<OutgoingMail> DecisionRequestAsync(
        MailRenderer mails, UnitProfile unit, Submission s, Stage stage, Person to, string url, DateTimeOffset deadline, string? comment,
        Notice notice, string? onBehalfOf, InlineImage? photo, Person? answerTo, Calendar.WorkingTimeLeft? left = null, Rounds.RoundChanges? changes = null) =>
        await mails.MailAsync<DecisionRequestMail>(unit, to.Email, to.Name, DecisionRequestSubject(unit, s, stage, notice, onBehalfOf),
            new Dictionary<string, object?>
            {
                [nameof(DecisionRequestMail.WithPhoto)] = photo is not null,
                [nameof(DecisionRequestMail.AnswerTo)] = answerTo,
                [nameof(DecisionRequestMail.Submission)] = s,
                [nameof(DecisionRequestMail.Stage)] = stage,
                [nameof(DecisionRequestMail.To)] = to,
                [nameof(DecisionRequestMail.Url)] = url,
                [nameof(DecisionRequestMail.Deadline)] = deadline,
                [nameof(DecisionRequestMail.Comment)] = comment,
                [nameof(DecisionRequestMail.Notice)] = notice,
                [nameof(DecisionRequestMail.OnBehalfOf)] = onBehalfOf,
                [nameof(DecisionRequestMail.Left)] = left,
                [nameof(DecisionRequestMail.Changes)] = changes,
            }) with { Images = photo is null ? [] : [photo] };

    public static string DecisionRequestSubject(UnitProfile unit, Submission s, Stage stage, Notice notice, string? onBehalfOf)
    {
        var (id, en) = stage switch
        {
            Stage.Review => ("Mohon tinjau", "Please review"),
            Stage.Approval => ("Mohon persetujuan", "Approval requested"),
            _ => ("Mohon revisi", "Revision requested"),
        };
        var (prefixId, prefixEn) = notice switch
        {
            Notice.Reminder => ("Pengingat: ", "Reminder: "),
            Notice.Escalation => ($"Eskalasi a.n. {onBehalfOf}: ", $"Escalation on behalf of {onBehalfOf}: "),
            Notice.HandedOn => ($"Diserahkan oleh {onBehalfOf}: ", $"Handed on by {onBehalfOf}: "),
            _ => ("", ""),
        };
        return $"[{unit.ShortName}] {prefixId}{id} / {prefixEn}{en}: {s.Content.Title}";
    }

    public static Task<OutgoingMail> OutcomeAsync(MailRenderer mails, UnitProfile unit, Submission s, Transition t, string trackUrl,
        IReadOnlyList<PublicationRecord>? publications = null, Person? answerTo = null) =>
        mails.MailAsync<OutcomeMail>(unit, s.Content.SubmitterEmail, s.Content.SubmitterName, OutcomeSubject(unit, s, t),
            new Dictionary<string, object?>
            {
                [nameof(OutcomeMail.Submission)] = s,
                [nameof(OutcomeMail.Transition)] = t,
                [nameof(OutcomeMail.TrackUrl)] = trackUrl,
                [nameof(OutcomeMail.Publications)] = publications ?? [],
                [nameof(OutcomeMail.AnswerTo)] = answerTo ?? unit.PersonByKeyOrNull(People.PersonKeys.HumasTeam),
            });

    public static string OutcomeSubject(UnitProfile unit, Submission s, Transition t)
    {
        var (id, en) = OutcomeWords(t.Status);
        return $"[{unit.ShortName}] {s.Content.Title}: {id} / {en}";
    }

    /// <summary>What became of a submission, as the subject and the body of its outcome mail both say it.</summary>
    public static (string Id, string En) OutcomeWords(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Approved => ("disetujui", "approved"),
        SubmissionStatus.Published => ("telah terbit", "published"),
        SubmissionStatus.Rejected => ("ditolak", "rejected"),
        SubmissionStatus.Expired => ("kedaluwarsa karena batas waktu terlewati", "expired: the deadline passed"),
        SubmissionStatus.Withdrawn => ("ditarik", "withdrawn"),
        SubmissionStatus.PublicationFailed => ("gagal diterbitkan", "could not be published"),
        SubmissionStatus.Submitted => ("diterima dan sedang diproses", "received and in progress"),
        SubmissionStatus.Closed => ("ditutup oleh tim Humas", "closed by the Humas team"),
        _ => (status.ToString(), status.ToString()),
    };
}
