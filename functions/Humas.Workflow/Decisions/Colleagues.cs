using Humas.Workflow.Links;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Decisions;

/// <summary>
/// Whom a decider may hand their seat to: the people the unit profile (as staff keep it now) gives that stage of this
/// submission, that is the route's deciders, their backups and the unit's fallback decider, less everyone four-eyes or
/// the stage itself rules out.
/// </summary>
public static class Colleagues
{
    /// <param name="decidedOtherStage">Person keys that decided the other stage of the same round: a reviewer never approves what they reviewed.</param>
    /// <param name="handedOn">Seats of this stage and round handed on already: a seat does not come back to whoever gave it away.</param>
    public static IReadOnlyList<Person> Allowed(
        UnitProfile unit, Submission s, LinkToken link, IEnumerable<string> decidedOtherStage, IEnumerable<string> handedOn)
    {
        var stage = link.Stage!.Value;
        if (stage == Stage.Revision) return [];
        DecisionRoute route;
        try { route = stage == Stage.Review ? unit.Review : unit.ApprovalRoute(s.Content.Track, s.Content.ContentType); }
        catch (InvalidOperationException) { return []; }

        var candidates = new List<string>();
        foreach (var key in route.Deciders)
        {
            candidates.Add(key);
            if (unit.PersonByKeyOrNull(key)?.Backup is { } backup) candidates.Add(backup);
        }
        if (unit.FallbackDecider is { } fallback) candidates.Add(fallback);

        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { link.PersonKey, link.SeatKey };
        excluded.UnionWith(s.Awaiting);
        // The backup of a seat still awaited may stand in for it: one person is never given two seats of a stage.
        excluded.UnionWith(s.Awaiting.Select(k => unit.PersonByKeyOrNull(k)?.Backup).OfType<string>());
        excluded.UnionWith(s.Responses.Select(r => r.PersonKey));
        excluded.UnionWith(decidedOtherStage);
        excluded.UnionWith(handedOn);
        return candidates.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(k => !excluded.Contains(k))
            .Select(unit.PersonByKeyOrNull).OfType<Person>()
            .Where(p => !string.Equals(p.Email, s.Content.SubmitterEmail, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>The other stage of the same round, whose deciders four-eyes keeps out of this one.</summary>
    public static Stage OtherStage(Stage stage) => stage == Stage.Review ? Stage.Approval : Stage.Review;
}
