using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;

namespace Humas.Workflow.Mail;

/// <summary>
/// Renders a mail component to its HTML body and derives the text body from that HTML, so both bodies
/// come from one template and cannot tell different facts.
/// </summary>
public sealed class MailRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
{
    public async Task<OutgoingMail> MailAsync<TMail>(
        UnitProfile unit, string to, string? toName, string subject, IReadOnlyDictionary<string, object?> parameters)
        where TMail : MailBody
    {
        var all = new Dictionary<string, object?>(parameters)
        {
            [nameof(MailBody.Unit)] = unit,
            [nameof(MailBody.Subject)] = subject,
        };
        var html = await RenderAsync<TMail>(all);
        return new OutgoingMail(to, toName, subject, MailText.FromHtml(html), html);
    }

    public Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters) where TComponent : IComponent =>
        new ComponentRenderer(services, loggerFactory).RenderAsync<TComponent>(parameters);
}
