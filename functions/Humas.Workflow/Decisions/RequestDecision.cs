using Humas.Workflow.Links;
using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Decisions;

/// <summary>
/// Puts a submission in a waiting stage and emails each decider a link of their own.
/// Review goes to the profile's reviewers, approval to the approvers of the submission's track,
/// revision back to the submitter.
/// </summary>
public sealed class RequestDecision(SubmissionStore store, Mailer mailer, Links.Links links, UnitProfile unit)
    : TaskActivity<DecisionRequest, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, DecisionRequest r)
    {
        var s = await store.GetAsync(r.SubmissionId) ?? throw new InvalidOperationException($"No submission {r.SubmissionId}.");
        var deciders = Deciders(unit, s, r.Stage);
        var names = deciders.Select(p => p.Name).ToList();
        var entry = new HistoryEntry
        {
            Step = r.Step, At = r.At, Status = r.Stage.WaitingStatus(), Event = $"{r.Stage}Requested",
            Actor = string.Join(", ", names), Comment = r.Comment,
        };
        var waiting = s.LastStep > r.Step ? s : s with
        {
            Status = r.Stage.WaitingStatus(), UpdatedAt = r.At, LastStep = r.Step,
            WaitingStage = r.Stage, Round = r.Round, WaitingFor = names, Deadline = r.Deadline,
        };
        await store.SaveAsync(waiting, entry);

        foreach (var person in deciders)
        {
            var url = links.Decision(new LinkToken(s.Id, r.Stage == Stage.Revision ? "revise" : "act", r.Stage, r.Round,
                person.Key, person.Email, r.Deadline));
            await mailer.SendOnceAsync(s.Id, $"step{r.Step}",
                WorkflowMails.DecisionRequest(unit, waiting, r.Stage, person, url, r.Deadline, r.Comment));
        }
        return names;
    }

    public static IReadOnlyList<Person> Deciders(UnitProfile unit, Submission s, Stage stage) => stage switch
    {
        Stage.Review => unit.Review.Deciders.Select(unit.PersonByKey).ToList(),
        Stage.Approval => (unit.TrackById(s.Content.Track)
                           ?? throw new InvalidOperationException($"Unit profile has no track '{s.Content.Track}'."))
            .Approval.Deciders.Select(unit.PersonByKey).ToList(),
        _ => [new Person("submitter", s.Content.SubmitterName ?? s.Content.SubmitterEmail, "Pengaju", s.Content.SubmitterEmail)],
    };
}
