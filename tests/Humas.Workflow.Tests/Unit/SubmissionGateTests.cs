using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;

namespace Humas.Workflow.Tests.Unit;

public sealed class SubmissionGateTests
{
    private static readonly UnitProfile Unit = UnitProfileLoader.Load("bbpmp-jateng");
    private static readonly MediaItem Photo = new("kelas.jpg", "image/jpeg", 100, "b0", "Siswa membaca bersama guru", null, false);

    private static Submission Of(string contentType, bool gated = true, params MediaItem[] media) => new()
    {
        Id = "20261201-0000000001",
        Content = new SubmissionContent { Title = "Judul", ContentType = contentType, Channels = ["website"], Track = "internal", SubmitterEmail = "ani@example.org" },
        Media = media, Status = SubmissionStatus.AwaitingApproval, Gated = gated,
    };

    [Fact]
    public void A_press_release_passes_once_its_contact_and_cleared_quote_are_ticked()
    {
        var s = Of("press-release");
        Assert.Equal(["checklist.contact", "checklist.quote"], s.MissingToPass(Stage.Review, Unit, []));
        Assert.Equal(["checklist.quote"], s.MissingToPass(Stage.Review, Unit, ["CONTACT"]));
        Assert.Empty(s.MissingToPass(Stage.Approval, Unit, ["contact", "quote"]));
    }

    [Fact]
    public void A_photos_alt_text_item_is_read_off_the_images_not_ticked()
    {
        Assert.Empty(Of("photo", true, Photo).MissingToPass(Stage.Review, Unit, ["credit"]));
        var withoutAlt = Of("photo", true, Photo with { Alt = null });
        Assert.Equal(["checklist.alt"], withoutAlt.MissingToPass(Stage.Review, Unit, ["credit", "alt"]));
    }

    [Fact]
    public void A_photo_with_children_needs_a_consent_before_approval_not_before_review()
    {
        var s = Of("news", true, Photo with { Minors = true });
        Assert.Empty(s.MissingToPass(Stage.Review, Unit, []));
        Assert.Equal(["checklist.consent"], s.MissingToPass(Stage.Approval, Unit, []));
        Assert.Empty((s with { Consent = new Consent("KNS-2026-001", null) }).MissingToPass(Stage.Approval, Unit, []));
        Assert.Empty((s with { Consent = new Consent(null, new MediaItem("izin.pdf", "application/pdf", 10, "b9")) }).MissingToPass(Stage.Approval, Unit, []));
        Assert.Empty(Of("news", true, Photo).MissingToPass(Stage.Approval, Unit, []));
    }

    [Fact]
    public void A_submission_from_before_the_gates_passes_as_before_or_is_held_by_the_profiles_rule()
    {
        var older = Of("press-release", gated: false, Photo with { Alt = null, Minors = null });
        Assert.Empty(older.MissingToPass(Stage.Approval, Unit, []));
        var strict = Unit with { OlderSubmissions = OlderSubmissionRule.Revise };
        Assert.Equal(["checklist.contact", "checklist.quote"], older.MissingToPass(Stage.Approval, strict, []));
    }

    [Fact]
    public void Every_profile_has_the_checklists_and_names_the_rule_for_older_submissions()
    {
        foreach (var id in new[] { "bbpmp-jateng", "bbgp-jatim" })
        {
            var unit = UnitProfileLoader.Load(id);
            Assert.Equal(["contact", "quote"], unit.ChecklistFor("press-release").Select(i => i.Key));
            Assert.Equal(["credit", "alt"], unit.ChecklistFor("photo").Select(i => i.Key));
            Assert.Equal(["date", "participants"], unit.ChecklistFor("webinar").Select(i => i.Key));
            Assert.Equal(OlderSubmissionRule.Publish, unit.OlderSubmissions);
        }
    }
}
