using Humas.Workflow.Vocabulary;
using Humas.Workflow.Intake;
using Humas.Workflow.Links;
using Humas.Workflow.Pages;
using Humas.Workflow.Submissions;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Revision;

/// <summary>
/// GET /revise/{token} as a page: the note that asked for the revision, who wrote it and when, the deadline,
/// and the content to change, with what happens after sending.
/// </summary>
public static class RevisionPage
{
    /// <summary>The longest body a revision may send; the POST refuses more.</summary>
    public const int BodyMax = 20_000;

    public const int CommentMax = 4_000;

    public static string Body(Submission s, LinkToken link, HistoryEntry? asked, DateTimeOffset now, Lang lang)
    {
        string Required() => $"""<span class="required"> * <span class="visually-hidden">{E(lang.T("(wajib)", "(required)"))}</span></span>""";
        var by = asked?.Actor is null ? "" : $" {E(lang.T("dari", "from"))} <strong>{E(asked.Actor)}</strong>{(asked.OnBehalfOf is null ? "" : $" a.n. {E(asked.OnBehalfOf)}")}";
        var when = asked is null ? "" : $"<span class=\"when\">{Time(asked.At, lang)}</span>";
        var media = s.Media.Count == 0 ? "" : $"""
            <h3>{E(lang.T("Media", "Media"))}</h3>
            <p class="hint">{E(lang.T("Media tetap seperti yang sudah dikirim; revisi mengubah teksnya.", "The media stay as sent; a revision changes the text."))}</p>
            <ul>{string.Concat(s.Media.Select(m => $"<li>{E(m.Name)} · {E(Size(m.Size, lang))}</li>"))}</ul>
            """;
        return $"""
            {LangSwitch(lang)}
            <section class="card" aria-labelledby="asked-title">
            <h1 id="asked-title">{E(lang.T("Revisi diminta", "A revision is asked for"))}</h1>
            <p class="lead">{E(lang.T("Catatan", "The note"))}{by}:</p>
            {when}
            <blockquote id="revision-note">{E(asked?.Comment ?? "-")}</blockquote>
            <p>{E(lang.T("Batas waktu", "Deadline"))}: <strong>{Time(link.ExpiresAt, lang)}</strong> ({E(Remaining(link.ExpiresAt - now, lang))}).
            {E(lang.T("Tanpa revisi sampai batas waktu, pengajuan kedaluwarsa.", "Without a revision by the deadline, the submission expires."))}</p>
            </section>
            <form method="post" class="card" aria-labelledby="form-title">
            <h2 id="form-title">{E(lang.T("Perbarui konten", "Update the content"))}</h2>
            <p class="hint">{E(lang.T("Isian bertanda * wajib diisi.", "Fields marked * are required."))}</p>
            <label for="title">{E(lang.T("Judul", "Title"))}{Required()}</label>
            <p class="hint" id="title-hint">{E(lang.T($"Paling banyak {SubmissionValidator.TitleMax} karakter.", $"At most {SubmissionValidator.TitleMax} characters."))}</p>
            <input id="title" name="title" required maxlength="{SubmissionValidator.TitleMax}" value="{E(s.Content.Title)}" aria-describedby="title-hint">
            <label for="summary">{E(lang.T("Ringkasan", "Summary"))}</label>
            <p class="hint" id="summary-hint">{E(lang.T("Satu atau dua kalimat untuk pembaca.", "One or two sentences for readers."))}</p>
            <textarea id="summary" name="summary" rows="3" maxlength="{SubmissionValidator.SummaryMax}" aria-describedby="summary-hint">{E(s.Content.Summary)}</textarea>
            <label for="body">{E(lang.T("Isi", "Body"))}</label>
            <textarea id="body" name="body" rows="12" maxlength="{BodyMax}">{E(s.Content.Body)}</textarea>
            <label for="comment">{E(lang.T("Catatan untuk peninjau (opsional)", "Note for the reviewer (optional)"))}</label>
            <p class="hint" id="comment-hint">{E(lang.T("Apa yang Anda ubah, agar peninjau cepat memeriksanya.", "What you changed, so the reviewer can check it quickly."))}</p>
            <textarea id="comment" name="comment" rows="3" maxlength="{CommentMax}" aria-describedby="comment-hint"></textarea>
            {media}
            <button type="submit">{E(lang.T("Kirim revisi", "Send the revision"))}</button>
            <p class="hint">{E(lang.T("Revisi kembali ke peninjau; Anda mendapat kabar lewat email dan halaman pantau. Tautan ini hanya dapat dipakai sekali.",
                "The revision goes back to the reviewer; you hear about it by email and on the tracking page. This link can be used once."))}</p>
            </form>
            """;
    }
}
