using Humas.Workflow.Vocabulary;
using Humas.Workflow.Intake;
using Humas.Workflow.Orchestration;
using Humas.Workflow.Pages;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Publication.Channels;

/// <summary>
/// One publication record as an item of the tracking page: the channel, its outcome, when (WIB), and the
/// evidence: the public address, the post id, the attempt, the reason of a failure and the channel's own answer.
/// </summary>
public static class PublicationHtml
{
    /// <summary>The channel's answer is evidence, not reading matter: folded away and cut short.</summary>
    private const int AnswerShown = 2000;

    public static string Item(Lang lang, PublicationRecord p)
    {
        var facts = new List<(string Term, string Html)>
        {
            (lang.T("Waktu", "Time"), Time(p.At, lang)),
        };
        if (p.Url is not null)
            facts.Add((lang.T("Alamat", "Address"), $"""<a href="{E(p.Url)}">{E(p.Url)}</a>"""));
        if (p.PostId is not null) facts.Add((lang.T("ID unggahan", "Post id"), $"<code>{E(p.PostId)}</code>"));
        if (p.Attempt > 1) facts.Add((lang.T("Percobaan", "Attempt"), p.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (p.Reason is not null) facts.Add((lang.T("Alasan", "Reason"), E(p.Reason)));
        var answer = string.IsNullOrWhiteSpace(p.Answer) ? "" : $"""
            <details><summary class="muted">{E(lang.T("Jawaban kanal", "The channel's answer"))}</summary>
            <pre>{E(p.Answer.Length > AnswerShown ? p.Answer[..AnswerShown] + " …" : p.Answer)}</pre></details>
            """;
        return $"""
            <li data-channel="{E(p.Channel)}" data-status="{E(p.Status)}">
            <strong>{E(Terms.Channel(p.Channel).In(lang))}</strong> <span class="status" data-status="{E(p.Status)}">{E(Terms.Publication(p.Status).In(lang))}</span>
            <dl class="facts">{string.Concat(facts.Select(f => $"<dt>{E(f.Term)}</dt><dd>{f.Html}</dd>"))}</dl>
            {answer}
            </li>
            """;
    }
}
