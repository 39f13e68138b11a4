using Humas.Workflow.Orchestration;
using Humas.Workflow.Submissions;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Targets;

/// <summary>
/// Counts a published submission toward its year's targets, teams, channels, month and region, once: a retried or
/// repeated run finds the submission's marker and counts nothing. Only channels it was really published on count, and
/// a submission published on none is not counted at all.
/// </summary>
public sealed class PublicationCounter(ProgressStore progress, TargetRules rules, Faults.FaultPoints faults, ILogger<PublicationCounter> logger)
{
    public static string What(string submissionId) => $"publication-{submissionId}";

    /// <summary>Whether this run counted it; <paramref name="records"/> are its channels' records as kept.</summary>
    public async Task<bool> CountAsync(Submission s, IEnumerable<PublicationRecord> records)
    {
        var publications = records.Where(p => p.Status == PublicationStatus.Published).ToList();
        if (publications.Count == 0)
        {
            logger.LogWarning("{Id} has no publication; not counted", s.Id);
            return false;
        }
        // The first publication's time, not the run's, so a late retry still counts in the right month and year.
        var facts = new CountedFacts
        {
            At = publications.Min(p => p.At), ContentType = s.Content.ContentType, PriorityProgram = s.Content.PriorityProgram,
            Program = s.Content.Program, Channels = publications.Select(p => p.Channel).Distinct().ToList(),
            Team = s.Content.Team, Region = s.Content.Region,
        };
        var counted = await progress.CountAsync(facts.Year, new CountEntry(What(s.Id), rules.CountersFor(facts)));
        faults.CrashAfter(Faults.FaultPoints.InTargetCounting);
        logger.LogInformation("{Id} {Outcome} toward {Year}", s.Id, counted ? "counted" : "was already counted", facts.Year);
        return counted;
    }
}
