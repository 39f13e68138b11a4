using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Humas.Workflow.Vocabulary;
using Humas.Workflow.Links;

namespace Humas.Workflow.Decisions;

/// <summary>The sentences beside the decisions: what each one sets going, and for whom.</summary>
public partial class DecisionPage
{
    /// <summary>One sentence on what a decision sets going, naming the people it goes to where the profile knows them.</summary>
    public static string Next(UnitProfile unit, Submission s, LinkToken link, string decision, DateTimeOffset now, Lang lang)
    {
        var submitter = s.Content.SubmitterName ?? s.Content.SubmitterEmail;
        var others = OthersStillToDecide(unit, s, link);
        var channels = string.Join(", ", s.Content.Channels.Select(c => Terms.Channel(c).In(lang)));
        switch (decision)
        {
            case DecisionValues.Accept or DecisionValues.Approve when others.Count > 0:
                var names = string.Join(", ", others);
                return s.Policy == DecisionPolicy.Sequence
                    ? lang.T($"Jawaban Anda tercatat; berikutnya {names} memutuskan.", $"Your answer is recorded; next, {names} decide.")
                    : lang.T($"Jawaban Anda tercatat; konten lanjut setelah {names} juga setuju.", $"Your answer is recorded; the content moves on once {names} agree too.");
            case DecisionValues.Accept:
                var approvers = Approvers(unit, s);
                return approvers.Length == 0
                    ? lang.T("Konten diteruskan untuk persetujuan.", "The content goes on to approval.")
                    : lang.T($"Konten diteruskan ke {approvers} untuk persetujuan.", $"The content goes to {approvers} for approval.");
            case DecisionValues.Approve:
                return s.Content.PublishAt is { } at && at > now
                    ? lang.T($"Konten dijadwalkan terbit pada {Wib.Format(at, lang)} di: {channels}.", $"The content is scheduled for {Wib.Format(at, lang)} on: {channels}.")
                    : lang.T($"Konten langsung diterbitkan di: {channels}.", $"The content is published at once on: {channels}.");
            case DecisionValues.Revise:
                return lang.T($"{submitter} diminta merevisi sesuai catatan Anda; revisinya kembali ke peninjau.",
                    $"{submitter} is asked to revise following your comment; the revision goes back to the reviewer.");
            default:
                return lang.T($"Pengajuan ditutup; {submitter} diberi tahu beserta catatan Anda.", $"The submission is closed; {submitter} is told, with your comment.");
        }
    }

    /// <summary>Under "all", the others still awaited; under "sequence", those after this seat; nobody under "any".</summary>
    private static IReadOnlyList<string> OthersStillToDecide(UnitProfile unit, Submission s, LinkToken link)
    {
        bool Other(string key) => !string.Equals(key, link.SeatKey, StringComparison.OrdinalIgnoreCase);
        switch (s.Policy)
        {
            case DecisionPolicy.All:
                return s.Awaiting.Where(Other).Select(k => unit.PersonByKeyOrNull(k)?.Name ?? k).ToList();
            case DecisionPolicy.Sequence:
                var order = Deciders(unit, s, link.Stage!.Value).Select(d => d.Key).ToList();
                var at = order.FindIndex(k => !Other(k));
                return at < 0 ? [] : order.Skip(at + 1).Select(k => unit.PersonByKeyOrNull(k)?.Name ?? k).ToList();
            default:
                return [];
        }
    }

    private static string Approvers(UnitProfile unit, Submission s) =>
        string.Join(", ", Deciders(unit, s, Stage.Approval).Select(d => d.Name));

    /// <summary>Who the profile would ask; a profile that leaves nobody only loses the names in the sentence.</summary>
    private static IReadOnlyList<Assignee> Deciders(UnitProfile unit, Submission s, Stage stage)
    {
        try { return AssignDeciders.Assign(unit, s, stage).Deciders; }
        catch (InvalidOperationException) { return []; }
    }
}
