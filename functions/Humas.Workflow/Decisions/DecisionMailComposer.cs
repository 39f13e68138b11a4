using Humas.Workflow.Calendar;
using Humas.Workflow.Mail;
using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Decisions;

/// <summary>
/// Composes the decision mails of a request, a reminder, an escalation or a hand-on the same way: beside the link, the
/// working time left, the first photo, the Humas team to answer to and the changes of the round.
/// </summary>
public sealed class DecisionMailComposer(
    MailRenderer mails, UnitProfile unit, Holidays.UnitCalendar calendar, MailThumbnail thumbnail, UnitPeople people, Rounds.RoundSnapshots rounds)
{
    /// <summary>
    /// The mails of a wait that ends at <paramref name="deadline"/>, as at <paramref name="at"/>. A caller that has read the
    /// people or the calendar already passes them, so they are not read twice.
    /// </summary>
    public DecisionMailDraft For(Submission waiting, Stage stage, DateTimeOffset at, DateTimeOffset deadline, string? comment, Notice notice,
        UnitProfile? currentPeople = null, WorkingCalendar? currentCalendar = null) =>
        new(async () =>
        {
            var left = (currentCalendar ?? await calendar.CurrentAsync()).TimeLeft(at, deadline);
            var photo = await thumbnail.OfAsync(waiting);
            // The team as staff set it last (GET/PUT /api/people), not as the profile file had it.
            var team = (currentPeople ?? await people.CurrentAsync()).People.FirstOrDefault(p => p.Key == PersonKeys.HumasTeam);
            var changes = stage == Stage.Revision ? null : await rounds.ChangesAsync(waiting);
            return (to, url, onBehalfOf) => WorkflowMails.DecisionRequestAsync(
                mails, unit, waiting, stage, to, url, deadline, comment, notice, onBehalfOf, photo, team, left, changes);
        });
}
