using Humas.Workflow.Profiles;

namespace Humas.Workflow.Submissions;

/// <summary>
/// What must be true before a submission passes a stage: the content type's checklist from the unit profile (the
/// deciders tick the items; an automatic item is read off the submission), and before approval a consent for every
/// file that shows identifiable children. The decision endpoint asks these rules before it passes a decision on, so
/// an accept or approve that would break them is refused there, with the items named, and never reaches the workflow.
/// </summary>
public sealed partial record Submission
{
    /// <summary>The item a consent stands for in what is missing: a photo or video marked with children and no consent.</summary>
    public const string ConsentItem = "consent";

    /// <summary>The automatic checklist item that every video and audio file has captions or a transcript.</summary>
    public const string CaptionsItem = "captions";

    /// <summary>
    /// Intake asked for alt text, children and consent when it took this submission; records from before lack it, and
    /// the profile's <see cref="OlderSubmissionRule"/> says how they pass.
    /// </summary>
    public bool Gated { get; init; }

    /// <summary>Each checklist item of the content type, done when ticked (<paramref name="ticked"/>) or, if automatic, when the submission shows it.</summary>
    public IReadOnlyList<ChecklistLine> Checklist(UnitProfile unit, IReadOnlyCollection<string> ticked) =>
        unit.ChecklistFor(Content.ContentType)
            .Select(item => new ChecklistLine(item, item.Automatic switch
            {
                "alt" => Media.Where(m => m.IsImage()).All(m => m.Alt is not null),
                CaptionsItem => Media.Where(m => m.CanCarryCaptions()).All(m => m.HasCaptionsOrTranscript()),
                null => ticked.Contains(item.Key, StringComparer.OrdinalIgnoreCase),
                _ => false,
            }))
            .ToList();

    /// <summary>The consent sent with the submission, if any.</summary>
    public Consent? Consent { get; init; }

    /// <summary>
    /// A consent document is sent, or a register consent is named that holds now: <paramref name="registerProblem"/> is
    /// why the register's consent does not hold (withdrawn, expired, unknown), null when it does.
    /// </summary>
    public bool HasConsent(string? registerProblem = null) =>
        Consent is { } c && (c.Document is not null || (c.RegisterId is not null && registerProblem is null));

    /// <summary>Whether some file shows identifiable children (as the submitter said).</summary>
    public bool ShowsChildren() => Media.Any(m => m.Minors == true);

    /// <summary>Whether a consent is needed before approval and none is given.</summary>
    public bool LacksConsent(string? registerProblem = null) => ShowsChildren() && !HasConsent(registerProblem);

    /// <summary>
    /// The fields to name when an accept (review) or an approve (approval) is refused: <c>checklist.{key}</c> for each
    /// required item not done, <c>checklist.consent</c> before approval without a needed consent. Nothing for a
    /// submission from before the gates when the profile lets those publish as before.
    /// </summary>
    public IReadOnlyList<string> MissingToPass(Stage stage, UnitProfile unit, IReadOnlyCollection<string> ticked, string? registerProblem = null)
    {
        if (!Gated && unit.OlderSubmissions == OlderSubmissionRule.Publish) return [];
        var missing = Checklist(unit, ticked).Where(l => l.Item.Required && !l.Done).Select(l => l.Field).ToList();
        if (stage == Stage.Approval && LacksConsent(registerProblem)) missing.Add(ChecklistLine.FieldOf(ConsentItem));
        return missing;
    }
}
