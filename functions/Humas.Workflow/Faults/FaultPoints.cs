using Humas.Workflow.Configuration;
using Microsoft.Extensions.Options;

namespace Humas.Workflow.Faults;

/// <summary>
/// Lets the fault tests end the process at one named point, the way a power cut would, to prove that nothing
/// accepted is lost or done twice when the process dies there. Off unless <c>Humas__Faults__CrashAfter</c> names
/// a point; never set it in a deployment.
/// </summary>
public sealed class FaultPoints(IOptions<HumasOptions> options)
{
    /// <summary>After a channel's post and before its record is written: publication.website, publication.media-partner...</summary>
    public static string AfterPublication(string channel) => $"publication.{channel}";

    /// <summary>
    /// After the count's one table transaction (counter row and the submission's marker) and before the activity
    /// answers: the engine has no record of the count and runs the activity again, which must find the marker.
    /// </summary>
    public const string InTargetCounting = "targets.count";

    public void CrashAfter(string point)
    {
        if (options.Value.Faults.CrashAfter is { Length: > 0 } armed && string.Equals(armed, point, StringComparison.OrdinalIgnoreCase))
            Environment.FailFast($"Humas__Faults__CrashAfter={armed}: the process ends here on purpose.");
    }
}
