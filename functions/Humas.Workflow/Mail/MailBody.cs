using Humas.Workflow.Profiles;
using Microsoft.AspNetCore.Components;

namespace Humas.Workflow.Mail;

/// <summary>What every mail component is given by <see cref="MailRenderer"/>: the unit it speaks for and the subject it was sent with.</summary>
public abstract class MailBody : ComponentBase
{
    [Parameter, EditorRequired] public UnitProfile Unit { get; set; } = default!;

    [Parameter, EditorRequired] public string Subject { get; set; } = "";
}
