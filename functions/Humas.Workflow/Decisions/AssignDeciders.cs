using Humas.Workflow.Orchestration;
using Humas.Workflow.People;
using Humas.Workflow.Profiles;
using Humas.Workflow.Storage;
using Humas.Workflow.Submissions;
using Microsoft.DurableTask;

namespace Humas.Workflow.Decisions;

/// <summary>
/// Picks who decides a stage from the people of the unit as they are now (the profile with the staff's changes): the reviewers, the approval route of the
/// submission's content type or track, or the submitter for a revision. Four-eyes: a submitter never
/// decides on their own submission; their backup (or the unit's fallback decider) takes the seat.
/// </summary>
public sealed class AssignDeciders(SubmissionStore store, UnitPeople people) : TaskActivity<AssignmentRequest, StageAssignment>
{
    public override async Task<StageAssignment> RunAsync(TaskActivityContext context, AssignmentRequest request)
    {
        var s = await store.GetExistingAsync(request.SubmissionId);
        return Assign(await people.CurrentAsync(), s, request.Stage);
    }

    public static StageAssignment Assign(UnitProfile unit, Submission s, Stage stage)
    {
        var submitter = s.Content.SubmitterEmail;
        if (stage == Stage.Revision)
            return new StageAssignment(DecisionPolicy.Any,
                [new Assignee("submitter", s.Content.SubmitterName ?? submitter, submitter)], []);

        var route = stage == Stage.Review ? unit.Review : unit.ApprovalRoute(s.Content.Track, s.Content.ContentType);
        bool IsSubmitter(Person? p) => p is not null && string.Equals(p.Email, submitter, StringComparison.OrdinalIgnoreCase);
        var deciders = new List<Assignee>();
        var skipped = new List<string>();
        foreach (var person in route.Deciders.Select(unit.PersonByKey))
        {
            var backup = unit.PersonByKeyOrNull(person.Backup);
            if (IsSubmitter(backup)) backup = null;
            if (!IsSubmitter(person))
            {
                deciders.Add(new Assignee(person.Key, person.Name, person.Email, backup?.Key, backup?.Name, backup?.Email));
                continue;
            }
            skipped.Add(person.Name);
            // The backup takes the seat, unless another decider of the route is left to answer.
            if (backup is not null && deciders.All(d => d.Key != backup.Key)) deciders.Add(new Assignee(backup.Key, backup.Name, backup.Email));
        }
        if (deciders.Count == 0 && unit.PersonByKeyOrNull(unit.FallbackDecider) is { } fallback && !IsSubmitter(fallback))
            deciders.Add(new Assignee(fallback.Key, fallback.Name, fallback.Email));
        if (deciders.Count == 0)
            throw new InvalidOperationException($"Nobody but the submitter can decide the {stage} of {s.Id}.");
        // Under "any", one other decider is enough; the backup seat is only needed when the submitter was the only one.
        if (route.Policy == DecisionPolicy.Any && skipped.Count > 0 && deciders.Count > 1)
            deciders.RemoveAll(d => route.Deciders.All(k => !string.Equals(k, d.Key, StringComparison.OrdinalIgnoreCase)));
        return new StageAssignment(route.Policy, deciders, skipped);
    }
}
