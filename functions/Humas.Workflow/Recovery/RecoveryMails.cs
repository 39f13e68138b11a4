using Humas.Workflow.Mail;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Recovery;

/// <summary>The mail that tells the Humas team a workflow stopped.</summary>
public static class RecoveryMails
{
    public static Task<OutgoingMail> StoppedAsync(
        MailRenderer mails, UnitProfile unit, Submission s, StoppedWorkflow workflow, Person team, string staffPage, string recordUrl) =>
        mails.MailAsync<WorkflowStoppedMail>(unit, team.Email, team.Name, StoppedSubject(unit, s), new Dictionary<string, object?>
        {
            [nameof(WorkflowStoppedMail.Submission)] = s,
            [nameof(WorkflowStoppedMail.Workflow)] = workflow,
            [nameof(WorkflowStoppedMail.Team)] = team,
            [nameof(WorkflowStoppedMail.StaffPage)] = staffPage,
            [nameof(WorkflowStoppedMail.RecordUrl)] = recordUrl,
        });

    public static string StoppedSubject(UnitProfile unit, Submission s) =>
        $"[{unit.ShortName}] Alur kerja terhenti / Workflow stopped: {s.Content.Title}";
}
